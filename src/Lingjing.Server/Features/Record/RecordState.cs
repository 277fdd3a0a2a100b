using System.Runtime.CompilerServices;
using Lingjing.Record;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Record;

/// <summary>The chain's head as published: its length, the last entry's hash and signature, when it was sealed, and the
/// key to check signatures with.</summary>
public sealed record RecordHeadView(long Length, string? Hash, string? Signature, DateTimeOffset? SealedAt, string PublicKey);

/// <summary>A head as it was published at a time.</summary>
public sealed record PublishedHeadView(long Seq, string Hash, string Signature, DateTimeOffset PublishedAt);

/// <param name="Waiting">Entries written with their decisions and not sealed yet.</param>
/// <param name="Check">The whole chain checked now (hashes, links, signatures, against the last published head).</param>
public sealed record RecordStateView(RecordHeadView Head, long Waiting, PublishedHeadView? LastPublished, ChainReport Check,
    IReadOnlyList<RecordKindCount> ByKind);

public sealed record RecordKindCount(string Kind, long Entries);

/// <param name="Seq">Its place in the chain; null while it waits to be sealed.</param>
public sealed record RecordEntryView(long? Seq, string Kind, string Subject, string Actor, DateTimeOffset RecordedAt, string Body, string? Hash);

/// <summary>Reads the record: its head, the published heads, the entries in chain order (for the export), and checks it.</summary>
public sealed class RecordState(LingjingDbContext db, RecordKey key)
{
    public async Task<RecordHeadView> HeadAsync(CancellationToken ct)
    {
        var head = await Sealed().OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct);
        return new RecordHeadView(head?.Seq ?? 0, head?.Hash, head?.Signature, head?.SealedAt is { } at ? Utc(at) : null, key.PublicKeyPem);
    }

    public async Task<IReadOnlyList<PublishedHeadView>> PublishedAsync(int take, CancellationToken ct) =>
        (await db.Set<RecordHead>().AsNoTracking().OrderByDescending(h => h.Id).Take(take).ToListAsync(ct))
        .Select(h => new PublishedHeadView(h.Seq, h.Hash, h.Signature, Utc(h.PublishedAt))).ToList();

    /// <summary>Every sealed entry in chain order, read in pages (an export of millions never sits in memory at once).</summary>
    public async IAsyncEnumerable<RecordEntryLine> EntriesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        const int Page = 5_000;
        long after = 0;
        while (true)
        {
            var page = await Sealed().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(Page).ToListAsync(ct);
            foreach (var entry in page) yield return entry.ToLine();
            if (page.Count < Page) yield break;
            after = page[^1].Seq!.Value;
        }
    }

    public Task<long> CountAsync(CancellationToken ct) => Sealed().LongCountAsync(ct);

    /// <summary>The entries about one subject (e.g. <c>application:42</c>) in the order written, sealed or waiting.</summary>
    public async Task<IReadOnlyList<RecordEntryView>> AboutAsync(string subject, CancellationToken ct) =>
        (await db.Set<RecordEntry>().AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).Take(500).ToListAsync(ct))
        .Select(e => new RecordEntryView(e.Seq, e.Kind, e.Subject, e.Actor, Utc(e.RecordedAt), e.Body, e.Hash)).ToList();

    public async Task<RecordStateView> CheckAsync(CancellationToken ct)
    {
        var lines = new List<RecordEntryLine>();
        await foreach (var line in EntriesAsync(ct)) lines.Add(line);
        var latest = await PublishedAsync(1, ct);
        var published = latest.Count > 0 ? latest[0] : null;
        using var publicKey = key.PublicKey();
        var check = ChainVerifier.Verify(lines, publicKey, allSignatures: false, published?.Seq, published?.Hash);
        var waiting = await db.Set<RecordEntry>().LongCountAsync(e => e.Seq == null, ct);
        var byKind = lines.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RecordKindCount(g.Key, g.LongCount())).ToList();
        return new RecordStateView(await HeadAsync(ct), waiting, published, check, byKind);
    }

    private IQueryable<RecordEntry> Sealed() => db.Set<RecordEntry>().AsNoTracking().Where(e => e.Seq != null);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
