using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>The one place that opens connections to this installation's database, and the one set of
/// SQLite settings every connection gets, whoever opens it: EF Core (through <see cref="SqliteConnectionSetup"/>),
/// the schema migrator, bulk loads, the telemetry writer and its upkeep. PostgreSQL's connection settings
/// live in <see cref="DatabaseSettings"/> (one connection string for all).</summary>
/// <remarks>Why each SQLite setting:
/// <list type="bullet">
/// <item><c>journal_mode=WAL</c> (kept in the file; the migrator sets it once): readers never wait for the
/// writer and the writer never waits for readers.</item>
/// <item><c>synchronous=FULL</c>: in WAL mode the log is synced at every commit, so what the server has answered
/// as stored (a booking's 201, an accepted reading, an approved payout) survives a power loss, as PostgreSQL's
/// default <c>synchronous_commit</c> does. NORMAL would keep it only across a process crash. Cost measured on
/// the 2-core VM's disk: about 0.35 ms per commit.</item>
/// <item><c>busy_timeout=30000</c>: writers queue behind SQLite's single write lock for up to 30 s instead of
/// failing at once; past that the request is answered 503 (DatabaseBusyExceptionHandler).</item>
/// <item><c>foreign_keys=ON</c>: SQLite checks references only on connections that ask for it.</item>
/// </list></remarks>
public static class DatabaseConnections
{
    public const string SqlitePragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    /// <summary>Set once per database file, before the first table.</summary>
    public const string SqliteJournal = "PRAGMA journal_mode=WAL";

    // A long-lived writer that loads many rows (bulk seeding, the telemetry writer) keeps its index pages in a
    // 64 MB page cache instead of SQLite's 2 MB. Only these few connections: every pooled request connection
    // with 64 MB could add up to gigabytes.
    private const string LargePageCache = "PRAGMA cache_size=-65536;";

    /// <summary>A new, closed connection; on SQLite it gets <see cref="SqlitePragmas"/> each time it opens.</summary>
    public static DbConnection Create(DatabaseSettings database) =>
        database.IsPostgres ? new NpgsqlConnection(database.ConnectionString) : Sqlite(database.ConnectionString, SqlitePragmas);

    /// <summary>A SQLite connection for a long-lived writer: the same settings and a large page cache.</summary>
    public static SqliteConnection CreateSqliteWriter(string connectionString) =>
        Sqlite(connectionString, SqlitePragmas + " " + LargePageCache);

    private static SqliteConnection Sqlite(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        // StateChange fires on Open and OpenAsync alike, and again when a pooled connection is reopened.
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != System.Data.ConnectionState.Open) return;
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        };
        return connection;
    }
}
