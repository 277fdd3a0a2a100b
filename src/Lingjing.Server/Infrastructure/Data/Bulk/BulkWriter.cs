using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>Starts bulk sessions on this installation's database: prepared multi-row INSERTs in one
/// transaction on SQLite, binary COPY on PostgreSQL.</summary>
public sealed class BulkWriter(DatabaseSettings database)
{
    public async Task<IBulkSession> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (database.IsPostgres)
        {
            var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return new PostgresBulkSession(connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync(cancellationToken);
        await using (var pragmas = sqlite.CreateCommand())
        {
            // Same per-connection settings as EF's connections, plus a larger page cache for the load.
            pragmas.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }
        return new SqliteBulkSession(sqlite, (SqliteTransaction)await sqlite.BeginTransactionAsync(cancellationToken));
    }
}
