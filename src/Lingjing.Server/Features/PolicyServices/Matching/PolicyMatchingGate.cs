using Lingjing.Server.Infrastructure.Data;
using Npgsql;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>
/// One writer of the stored matches at a time. A policy published while the scheduler rematches every policy, or an
/// enterprise re-decided meanwhile, would otherwise both find a match missing and both insert it (a primary-key
/// violation, a 500 for whoever published). Within this process a semaphore; on PostgreSQL also a session advisory
/// lock on a connection of its own, so nodes of a cluster take turns too (SQLite has one process).
/// </summary>
public sealed class PolicyMatchingGate(DatabaseSettings database) : IDisposable
{
    private const long LockKey = 0x4C4A_504D_4154; // "LJPMAT"
    private readonly SemaphoreSlim _local = new(1, 1);

    public async Task<IAsyncDisposable> EnterAsync(CancellationToken ct)
    {
        await _local.WaitAsync(ct);
        try
        {
            if (!database.IsPostgres) return new Held(_local, null);
            var connection = (NpgsqlConnection)DatabaseConnections.Create(database);
            await connection.OpenAsync(ct);
            // A full rematch on another node may take a while on a busy machine: wait for it, not for the default 30 s.
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection) { CommandTimeout = 600 })
                await command.ExecuteNonQueryAsync(ct);
            return new Held(_local, connection);
        }
        catch
        {
            _local.Release();
            throw;
        }
    }

    public void Dispose() => _local.Dispose();

    private sealed class Held(SemaphoreSlim local, NpgsqlConnection? connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection is not null)
                {
                    // The pool keeps the session: the lock must be let go of, not just the connection closed.
                    await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection))
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
