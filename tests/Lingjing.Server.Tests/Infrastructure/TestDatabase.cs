using Npgsql;

namespace Lingjing.Server.Tests.Infrastructure;

public enum Db { Sqlite, Postgres }

/// <summary>Makes a fresh, empty database for one test application.</summary>
public static class TestDatabase
{
    /// <summary>Set by ./test.sh, which starts PostgreSQL on a loopback port of its own.</summary>
    public const string PostgresVariable = "LINGJING_TEST_POSTGRES";

    public static string PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"PostgreSQL tests need {PostgresVariable} (e.g. Host=127.0.0.1;Port=55432;Username=postgres). Run ./test.sh, which starts a server and sets it.");

    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = "lingjing_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    }

    public static string CreateDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lingjing-tests", Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
