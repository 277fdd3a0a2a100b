using System.Globalization;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Lingjing.Server.Tests.Platform;

/// <summary>The SQLite and PostgreSQL schemas, created by their own scripts, have the same tables, columns,
/// indexes and foreign keys, apart from the few differences listed here with the reason for each.</summary>
public sealed class SchemaParityTests(ITestOutputHelper output)
{
    /// <summary>Where each database's own strength replaces an index the other has. Anything else that differs fails.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new()
    {
        // No double booking: PostgreSQL's exclusion constraint (GiST over space and time range); SQLite checks
        // and inserts in one BEGIN IMMEDIATE transaction instead.
        ["index bookings(space_id, (expression)): PostgreSQL only"] = "exclusion constraint",
        // Directory search: pg_trgm GIN indexes on PostgreSQL, FTS5 trigram tables on SQLite.
        ["index enterprises(search_text): PostgreSQL only"] = "trigram index",
        ["index institutions(search_text): PostgreSQL only"] = "trigram index",
        ["index parks(search_text): PostgreSQL only"] = "trigram index",
        ["index spaces(search_text): PostgreSQL only"] = "trigram index",
        // Rollups read raw telemetry by sequence: a BRIN index on PostgreSQL; on SQLite seq is the rowid itself.
        ["index telemetry_raw(seq): PostgreSQL only"] = "rowid",
    };

    /// <summary>SQLite's FTS5 tables and their shadow tables (PostgreSQL searches with pg_trgm instead).</summary>
    private static bool IsProviderSpecific(string table) =>
        table.EndsWith("_fts", StringComparison.Ordinal) || table.Contains("_fts_", StringComparison.Ordinal);

    [Fact]
    public async Task Both_providers_have_the_same_tables_columns_indexes_and_foreign_keys()
    {
        await using var sqliteApp = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await using var postgresApp = await LingjingApp.StartAsync(Db.Postgres, demo: false);
        await using var sqlite = new SqliteConnection(sqliteApp.Service<DatabaseSettings>().ConnectionString);
        await using var postgres = new NpgsqlConnection(postgresApp.Service<DatabaseSettings>().ConnectionString);

        var lite = await SchemaShape.ReadAsync(sqlite);
        var pg = await SchemaShape.ReadAsync(postgres);

        var differences = Compare(lite, pg).Where(d => !KnownDifferences.ContainsKey(d)).ToList();
        foreach (var difference in differences) output.WriteLine(difference);
        differences.ShouldBeEmpty("a schema script differs between the providers; align them, or list the difference with its reason");
    }

    private static List<string> Compare(SchemaShape lite, SchemaShape pg)
    {
        var differences = new List<string>();
        var liteTables = lite.Columns.Keys.Where(t => !IsProviderSpecific(t)).ToHashSet();
        var pgTables = pg.Columns.Keys.ToHashSet();
        differences.AddRange(liteTables.Except(pgTables).Select(t => $"table {t}: only in SQLite"));
        differences.AddRange(pgTables.Except(liteTables).Select(t => $"table {t}: only in PostgreSQL"));
        foreach (var table in liteTables.Intersect(pgTables).Order())
        {
            differences.AddRange(lite.Columns[table].Except(pg.Columns[table]).Select(c => $"column {table}.{c}: SQLite only"));
            differences.AddRange(pg.Columns[table].Except(lite.Columns[table]).Select(c => $"column {table}.{c}: PostgreSQL only"));
        }
        var liteIndexes = lite.Indexes.Where(i => !IsProviderSpecific(i[..i.IndexOf('(')])).ToHashSet();
        differences.AddRange(liteIndexes.Except(pg.Indexes).Order().Select(i => $"index {i}: SQLite only"));
        differences.AddRange(pg.Indexes.Except(liteIndexes).Order().Select(i => $"index {i}: PostgreSQL only"));
        differences.AddRange(lite.ForeignKeys.Except(pg.ForeignKeys).Order().Select(k => $"foreign key {k}: SQLite only"));
        differences.AddRange(pg.ForeignKeys.Except(lite.ForeignKeys).Order().Select(k => $"foreign key {k}: PostgreSQL only"));
        return differences;
    }

    /// <summary>A database made by an older release (the scripts up to 0010: before twins) with data in it
    /// starts on this release: the newer scripts run and nothing that was there is lost.</summary>
    [Theory, BothDatabases]
    public async Task A_database_from_an_older_release_upgrades_without_losing_data(Db db)
    {
        var dataDirectory = TestDatabase.CreateDataDirectory();
        var settings = db == Db.Postgres
            ? new DatabaseSettings(DatabaseProvider.Postgres, await TestDatabase.CreatePostgresDatabaseAsync())
            : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "lingjing.db")};Pooling=False");
        var migrator = new SchemaMigrator(settings, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance);
        (await migrator.MigrateAsync(upToVersion: 10)).ShouldBeGreaterThan(0);
        await using (var connection = migrator.Open())
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO parks (code, name_zh, name_en, address_zh, address_en, description_zh, description_en, latitude, longitude,
                                   area_square_meters, opened_year, boundary, allows_guests, search_text)
                VALUES ('U01', '升级园', 'Upgrade Park', '升级路1号', '1 Upgrade Road', '', '', 39.9, 116.4, 1000, 2020, '[]', TRUE, 'upgrade park');
                """;
            await insert.ExecuteNonQueryAsync();
        }

        await using var app = await LingjingApp.StartAsync(db, demo: false, new Dictionary<string, string?>
        {
            ["Lingjing:DataDirectory"] = dataDirectory,
            ["ConnectionStrings:Postgres"] = db == Db.Postgres ? settings.ConnectionString : "",
        });

        await using var upgraded = new SchemaMigrator(app.Service<DatabaseSettings>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).Open();
        await upgraded.OpenAsync();
        await using var read = upgraded.CreateCommand();
        read.CommandText = "SELECT name_en FROM parks WHERE code = 'U01'";
        (await read.ExecuteScalarAsync()).ShouldBe("Upgrade Park");
        read.CommandText = "SELECT count(*) FROM schema_versions";
        Convert.ToInt32(await read.ExecuteScalarAsync(), CultureInfo.InvariantCulture).ShouldBe(migrator.Scripts.Count, "every newer script ran");
        var shape = await SchemaShape.ReadAsync(upgraded);
        shape.Columns.Keys.ShouldContain("telemetry_raw");
    }
}
