using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Tests.Platform;

/// <summary>One database seam: every SQLite connection the server opens (EF Core's, the migrator's, the bulk
/// loader's, the telemetry writer's and its upkeep's) gets the one set of settings from
/// <see cref="DatabaseConnections"/>, and no other file opens connections or sets them.</summary>
public sealed partial class DatabaseConnectionTests
{
    private const long Full = 2;
    private const long SqliteDefaultCacheSize = -2000;

    [Fact]
    public async Task Every_sqlite_connection_gets_the_one_set_of_settings_also_when_reopened_from_the_pool()
    {
        var settings = NewSqliteDatabase();

        await using var plain = DatabaseConnections.Create(settings);
        for (var open = 1; open <= 2; open++)
        {
            await plain.OpenAsync();
            await ShouldHaveTheOneSetAsync(plain);
            (await ReadAsync(plain, "cache_size")).ShouldBe(SqliteDefaultCacheSize);
            await plain.CloseAsync();
        }

        await using var writer = DatabaseConnections.CreateSqliteWriter(settings.ConnectionString);
        writer.Open();
        await ShouldHaveTheOneSetAsync(writer);
        (await ReadAsync(writer, "cache_size")).ShouldBe(-65536L);
    }

    [Fact]
    public async Task Entity_framework_connections_get_the_same_settings()
    {
        var settings = NewSqliteDatabase();
        var options = new DbContextOptionsBuilder<LingjingDbContext>()
            .UseSqlite(settings.ConnectionString).AddInterceptors(new SqliteConnectionSetup()).Options;
        await using var db = new LingjingDbContext(options);

        await db.Database.OpenConnectionAsync();
        await ShouldHaveTheOneSetAsync(db.Database.GetDbConnection());
    }

    [Fact]
    public void No_other_file_opens_a_connection_or_sets_a_connection_setting()
    {
        var seam = Path.Combine("Infrastructure", "Data", "DatabaseConnections.cs");
        var offenders = Directory.EnumerateFiles(SourceTree.ServerProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(SourceTree.ServerProject, f), Text: File.ReadAllText(f)))
            .Where(f => f.File != seam && OpensOrConfigures().IsMatch(f.Text))
            .Select(f => $"{f.File}: {OpensOrConfigures().Match(f.Text).Value}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [GeneratedRegex(@"new (Sqlite|Npgsql)Connection\(|PRAGMA (synchronous|busy_timeout|foreign_keys|cache_size|journal_mode)")]
    private static partial Regex OpensOrConfigures();

    private static DatabaseSettings NewSqliteDatabase() =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(TestDatabase.CreateDataDirectory(), "seam.db")};Pooling=True");

    private static async Task ShouldHaveTheOneSetAsync(DbConnection connection)
    {
        (await ReadAsync(connection, "synchronous")).ShouldBe(Full);
        (await ReadAsync(connection, "busy_timeout")).ShouldBe(30_000L);
        (await ReadAsync(connection, "foreign_keys")).ShouldBe(1L);
    }

    private static async Task<long> ReadAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
