using Lingjing.Record;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Record;

/// <summary>
/// Seals the entries written with their decisions into the chain, in the order they were written: each gets the next
/// place, the hash of the one before, its own hash and the server's signature. One sealer at a time
/// (<see cref="DatabaseTurn"/>), so nodes of a cluster take turns and the chain never forks (a unique index on the place
/// would refuse a fork anyway). A decision's commit nudges it, so entries are sealed moments after (<see cref="ITableChangeListener"/>); <see cref="RecordSealJob"/> seals what a nudge
/// missed (a node that stopped between a commit and its sealing).
/// </summary>
public sealed class RecordSealer(IServiceScopeFactory scopes, DatabaseSettings database, RecordKey key, TimeProvider time,
    ILogger<RecordSealer> logger) : ITableChangeListener, IDisposable
{
    public const string Table = "record_entries";

    private const int Batch = 500;
    private readonly DatabaseTurn _turn = new(database, 0x4C4A_5245_4344 /* "LJRECD" */, TimeSpan.FromMinutes(2));
    private int _nudged;

    /// <summary>A unit of work that wrote entries was committed: they are sealed moments after.</summary>
    public void TablesChanged(IReadOnlyCollection<string> tables)
    {
        if (tables.Contains(Table)) Nudge();
    }

    /// <summary>Seals soon, off the caller's path; nudges while a sealing is on its way fold into one more.</summary>
    public void Nudge()
    {
        if (Interlocked.Exchange(ref _nudged, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await SealAsync(CancellationToken.None);
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Entries of the record could not be sealed now; the seal job tries again");
            }
        });
    }

    /// <summary>Seals every entry written so far and committed; returns how many.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        await using var held = await _turn.EnterAsync(ct);
        Interlocked.Exchange(ref _nudged, 0);
        var sealedCount = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var pending = await db.Set<RecordEntry>().Where(e => e.Seq == null).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            if (pending.Count == 0) return sealedCount;
            var last = await db.Set<RecordEntry>().Where(e => e.Seq != null).OrderByDescending(e => e.Seq)
                .Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(ct);
            var (seq, previous) = (last?.Seq ?? 0, last?.Hash ?? RecordFormat.Genesis);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var entry in pending)
            {
                (entry.Seq, entry.PreviousHash) = (++seq, previous);
                entry.Hash = RecordFormat.Hash(entry.ToLine());
                entry.Signature = key.Sign(entry.Hash);
                entry.SealedAt = now;
                previous = entry.Hash;
            }
            await db.SaveChangesAsync(ct);
            sealedCount += pending.Count;
        }
    }

    public void Dispose() => _turn.Dispose();
}
