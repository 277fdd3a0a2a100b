using Npgsql;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>
/// One holder at a time of work on the shared database (the policy matches, the record's chain). Within this process a
/// semaphore; on PostgreSQL also a session advisory lock under <paramref name="key"/> on a connection of its own, so
/// nodes of a cluster take turns too (SQLite has one process). <paramref name="wait"/>: how long to wait for another
/// node's turn before giving up.
/// </summary>
public sealed class DatabaseTurn(DatabaseSettings database, long key, TimeSpan wait) : IDisposable
{
    private readonly SemaphoreSlim _local = new(1, 1);

    public async Task<IAsyncDisposable> EnterAsync(CancellationToken ct)
    {
        await _local.WaitAsync(ct);
        try
        {
            if (!database.IsPostgres) return new Held(_local, null, key);
            var connection = (NpgsqlConnection)DatabaseConnections.Create(database);
            await connection.OpenAsync(ct);
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", connection) { CommandTimeout = (int)wait.TotalSeconds })
                await command.ExecuteNonQueryAsync(ct);
            return new Held(_local, connection, key);
        }
        catch
        {
            _local.Release();
            throw;
        }
    }

    public void Dispose() => _local.Dispose();

    private sealed class Held(SemaphoreSlim local, NpgsqlConnection? connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection is not null)
                {
                    // The pool keeps the session: the lock must be let go of, not just the connection closed.
                    await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", connection))
                        await command.ExecuteNonQueryAsync(CancellationToken.None);
                    await connection.DisposeAsync();
                }
            }
            finally
            {
                local.Release();
            }
        }
    }
}
