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
            var connection = (NpgsqlConnection)DatabaseConnections.Create(database);
            await connection.OpenAsync(cancellationToken);
            return new PostgresBulkSession(connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        var sqlite = DatabaseConnections.CreateSqliteWriter(database.ConnectionString);
        await sqlite.OpenAsync(cancellationToken);
        return new SqliteBulkSession(sqlite, (SqliteTransaction)await sqlite.BeginTransactionAsync(cancellationToken));
    }
}
