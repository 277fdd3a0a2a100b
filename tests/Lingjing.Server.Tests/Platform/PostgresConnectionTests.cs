using System.Data;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Shouldly;

namespace Lingjing.Server.Tests.Platform;

/// <summary>The server's PostgreSQL connections stay usable after a write fails inside a transaction.
/// With Npgsql's automatic preparation on (Npgsql 10.0.3), the statement that failed is left half-prepared
/// on the pooled connection and its next use fails with "Received unexpected backend message DataRow":
/// the intermittent 500 from /park in the terminal tests, after another test's refused write.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public async Task A_pooled_connection_works_after_a_failed_write_was_rolled_back()
    {
        var database = await TestDatabase.CreatePostgresDatabaseAsync();
        // One connection in the pool, so every command below runs on the connection the failure happened on.
        var oneConnection = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 1 }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Postgres", oneConnection)]).Build();
        var settings = DatabaseSettings.FromConfiguration(configuration, new LingjingOptions());

        await ExecuteAsync(settings.ConnectionString, "CREATE TABLE names (id serial PRIMARY KEY, name varchar(5) NOT NULL)");
        const string insert = "INSERT INTO names (name) VALUES (@name) RETURNING id";
        for (var round = 1; round <= 8; round++)
        {
            await using (var connection = new NpgsqlConnection(settings.ConnectionString))
            {
                await connection.OpenAsync();
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);
                await using var tooLong = new NpgsqlCommand(insert, connection, transaction) { Parameters = { new("name", "far too long") } };
                await Should.ThrowAsync<PostgresException>(() => tooLong.ExecuteScalarAsync());
                await transaction.RollbackAsync();
            }

            await using (var connection = new NpgsqlConnection(settings.ConnectionString))
            {
                await connection.OpenAsync();
                await using var fits = new NpgsqlCommand(insert, connection) { Parameters = { new("name", "ok") } };
                (await fits.ExecuteScalarAsync()).ShouldBeOfType<int>($"round {round}");
            }
        }
        await using var check = new NpgsqlConnection(settings.ConnectionString);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM names", check);
        (await count.ExecuteScalarAsync()).ShouldBe(8L);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=lingjing;Database=lingjing", 30)]
    [InlineData("Host=127.0.0.1;Username=lingjing;Database=lingjing;Timeout=60", 60)]
    public void A_burst_waits_30_seconds_for_a_connection_unless_the_string_says_otherwise(string connectionString, int seconds)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Postgres", connectionString)]).Build();
        var settings = DatabaseSettings.FromConfiguration(configuration, new LingjingOptions());

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        builder.Timeout.ShouldBe(seconds);
        builder.MaxAutoPrepare.ShouldBe(0);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
