using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Lingjing.Record;

/// <summary>What is wrong with a record, at the first entry where it shows.</summary>
/// <param name="Seq">The entry's place in the chain (for a removed entry, the place it should have held).</param>
/// <param name="Problem">altered, removed, reordered, signature or truncated.</param>
public sealed record ChainProblem(long Seq, string Problem, string Detail);

/// <param name="Entries">How many entries were read.</param>
/// <param name="HeadHash">The last entry's hash, or null for an empty record.</param>
public sealed record ChainReport(long Entries, string? HeadHash, ChainProblem? FirstProblem)
{
    public bool Holds => FirstProblem is null;
}

/// <summary>
/// Checks a record: every entry's hash recomputed, each one linked to the one before, places from 1 without gaps, and
/// the signatures. Hashes and links are checked for every entry; signatures for every entry with
/// <c>allSignatures</c>, else the last one's, and where it fails a binary search finds the first entry whose signature
/// fails (whoever rewrote entries and their hashes could not sign them, so every entry from the first rewritten one on
/// fails). Against a published head (<paramref name="publishedSeq"/> and <paramref name="publishedHash"/>) it also finds
/// entries removed from the end or the chain rewritten before it.
/// </summary>
public static class ChainVerifier
{
    public static ChainReport Verify(IReadOnlyList<RecordEntryLine> entries, ECDsa key, bool allSignatures = false,
        long? publishedSeq = null, string? publishedHash = null)
    {
        var head = entries.Count == 0 ? null : entries[^1].Hash;
        var problem = Links(entries) ?? Signatures(entries, key, allSignatures) ?? AgainstPublished(entries, publishedSeq, publishedHash);
        return new ChainReport(entries.Count, head, problem);
    }

    private static ChainProblem? Links(IReadOnlyList<RecordEntryLine> entries)
    {
        var previous = RecordFormat.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var expected = i + 1L;
            if (entry.Seq > expected)
            {
                // Further on, it was moved; nowhere, it was removed.
                for (var j = i + 1; j < entries.Count; j++)
                    if (entries[j].Seq == expected)
                        return new ChainProblem(expected, "reordered", $"entry {expected} is out of place: entry {entry.Seq} comes before it");
                return new ChainProblem(expected, "removed", $"entry {expected} is missing: the next one read is entry {entry.Seq}");
            }
            if (entry.Seq < expected)
                return new ChainProblem(entry.Seq, "reordered", $"entry {entry.Seq} comes after entry {expected - 1}");
            if (RecordFormat.Hash(entry) != entry.Hash)
                return new ChainProblem(entry.Seq, "altered", $"entry {entry.Seq} does not match its hash: its content was changed");
            if (entry.PreviousHash != previous)
                return new ChainProblem(entry.Seq, "reordered", $"entry {entry.Seq} does not follow entry {entry.Seq - 1}: an entry was replaced, moved or removed before it");
            previous = entry.Hash;
        }
        return null;
    }

    private static ChainProblem? Signatures(IReadOnlyList<RecordEntryLine> entries, ECDsa key, bool all)
    {
        if (entries.Count == 0) return null;
        int? first = null;
        if (all)
        {
            var failed = new ConcurrentBag<int>();
            Parallel.For(0, entries.Count, () => Clone(key), (i, _, own) =>
            {
                if (!RecordFormat.SignatureHolds(own, entries[i])) failed.Add(i);
                return own;
            }, own => own.Dispose());
            if (!failed.IsEmpty) first = failed.Min();
        }
        else if (!RecordFormat.SignatureHolds(key, entries[^1]))
        {
            // Entries up to the first rewritten one keep their signatures: find where they stop holding.
            int low = 0, high = entries.Count - 1;
            while (low < high)
            {
                var middle = low + (high - low) / 2;
                if (RecordFormat.SignatureHolds(key, entries[middle])) low = middle + 1;
                else high = middle;
            }
            first = low;
        }
        return first is { } index
            ? new ChainProblem(entries[index].Seq, "signature", $"entry {entries[index].Seq} is not signed by the record's key: it was rewritten with its hashes")
            : null;
    }

    private static ChainProblem? AgainstPublished(IReadOnlyList<RecordEntryLine> entries, long? seq, string? hash)
    {
        if (seq is not { } published || hash is null) return null;
        if (published > entries.Count)
            return new ChainProblem(entries.Count + 1, "truncated", $"the head published at entry {published} is beyond the last entry read ({entries.Count}): entries were removed from the end");
        if (published >= 1 && entries[(int)published - 1].Hash != hash)
            return new ChainProblem(published, "altered", $"entry {published} does not have the hash published for it: the chain was rewritten up to it");
        return null;
    }

    private static ECDsa Clone(ECDsa key)
    {
        var copy = ECDsa.Create();
        copy.ImportParameters(key.ExportParameters(false));
        return copy;
    }
}
