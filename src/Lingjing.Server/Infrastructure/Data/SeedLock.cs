using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Serializes one-time seeding across app nodes that start together on one PostgreSQL
/// database: the first takes the advisory lock and seeds, the others wait and then find the work
/// done (so a seeder checks again after <see cref="AcquireAsync"/>). Nothing to do on SQLite, where
/// one process owns the file.</summary>
public sealed class SeedLock : IAsyncDisposable
{
    private readonly LingjingDbContext? db;
    private readonly long key;

    private SeedLock(LingjingDbContext? db, long key) => (this.db, this.key) = (db, key);

    public static async Task<SeedLock> AcquireAsync(LingjingDbContext db, long key, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return new SeedLock(null, key);
        await db.Database.OpenConnectionAsync(ct);
        // The node that waits does so for as long as the other seeds, which may pass the default 30 s
        // command timeout on a busy machine.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(null);
        }
        return new SeedLock(db, key);
    }

    public async ValueTask DisposeAsync()
    {
        if (db is null) return;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
        await db.Database.CloseConnectionAsync();
    }
}
