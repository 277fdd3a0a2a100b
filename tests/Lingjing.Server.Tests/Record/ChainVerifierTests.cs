using System.Security.Cryptography;
using Lingjing.Record;

namespace Lingjing.Server.Tests.Record;

/// <summary>The verifier names the first entry that was altered, removed, reordered, rewritten with its hashes, or cut
/// off the end after a head was published; an untouched chain holds.</summary>
public sealed class ChainVerifierTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A chain of <paramref name="count"/> sealed entries, as the server seals them.</summary>
    private static List<RecordEntryLine> Chain(ECDsa key, int count, int from = 1, string? previous = null)
    {
        var entries = new List<RecordEntryLine>();
        previous ??= RecordFormat.Genesis;
        for (var seq = from; seq < from + count; seq++)
        {
            var entry = Seal(key, new RecordEntryLine(seq, Start.AddMinutes(seq), "application.approved", $"application:{seq}", "gov",
                $$"""{"application":{{seq}},"amountYuan":{{seq * 1000}}}""", previous, "", ""));
            entries.Add(entry);
            previous = entry.Hash;
        }
        return entries;
    }

    private static RecordEntryLine Seal(ECDsa key, RecordEntryLine entry)
    {
        var hash = RecordFormat.Hash(entry);
        return entry with { Hash = hash, Signature = RecordFormat.Sign(key, hash) };
    }

    private static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public void An_untouched_chain_holds_with_every_signature_checked()
    {
        using var key = NewKey();
        var chain = Chain(key, 50);
        var report = ChainVerifier.Verify(chain, key, allSignatures: true, publishedSeq: 40, publishedHash: chain[39].Hash);
        report.Holds.ShouldBeTrue(report.FirstProblem?.Detail);
        (report.Entries, report.HeadHash).ShouldBe((50L, chain[^1].Hash));
    }

    [Fact]
    public void A_changed_amount_is_named_as_altered()
    {
        using var key = NewKey();
        var chain = Chain(key, 20);
        chain[6] = chain[6] with { Body = chain[6].Body.Replace("7000", "70000", StringComparison.Ordinal) };
        ChainVerifier.Verify(chain, key).FirstProblem.ShouldBe(new ChainProblem(7, "altered", "entry 7 does not match its hash: its content was changed"));
    }

    [Fact]
    public void A_removed_entry_is_named_by_its_place()
    {
        using var key = NewKey();
        var chain = Chain(key, 20);
        chain.RemoveAt(11);
        var problem = ChainVerifier.Verify(chain, key).FirstProblem!;
        (problem.Seq, problem.Problem).ShouldBe((12L, "removed"));
    }

    [Fact]
    public void Two_entries_swapped_with_their_places_renumbered_are_named_as_reordered()
    {
        using var key = NewKey();
        var chain = Chain(key, 20);
        // Swapped and renumbered (each re-hashed would fail its signature; kept, it fails its hash).
        (chain[4], chain[5]) = (chain[5] with { Seq = 5 }, chain[4] with { Seq = 6 });
        var problem = ChainVerifier.Verify(chain, key).FirstProblem!;
        problem.Seq.ShouldBe(5);
        problem.Problem.ShouldBeOneOf("altered", "reordered");
        var unnumbered = Chain(key, 20);
        (unnumbered[4], unnumbered[5]) = (unnumbered[5], unnumbered[4]);
        ChainVerifier.Verify(unnumbered, key).FirstProblem!.ShouldBe(new ChainProblem(5, "reordered", "entry 5 is out of place: entry 6 comes before it"));
    }

    [Fact]
    public void A_chain_rewritten_with_fresh_hashes_but_without_the_key_fails_from_the_first_rewritten_entry()
    {
        using var key = NewKey();
        using var forger = NewKey();
        var chain = Chain(key, 30);
        // The forger changes entry 17, recomputes every hash from there on and signs with a key of its own.
        var forged = chain.Take(16).ToList();
        var previous = chain[15].Hash;
        foreach (var entry in chain.Skip(16))
        {
            var changed = entry.Seq == 17 ? entry with { Body = """{"application":17,"amountYuan":9999999}""" } : entry;
            var sealedByForger = Seal(forger, changed with { PreviousHash = previous });
            forged.Add(sealedByForger);
            previous = sealedByForger.Hash;
        }
        ChainVerifier.Verify(forged, key).FirstProblem!.ShouldBe(
            new ChainProblem(17, "signature", "entry 17 is not signed by the record's key: it was rewritten with its hashes"));
        ChainVerifier.Verify(forged, key, allSignatures: true).FirstProblem!.Seq.ShouldBe(17);
    }

    [Fact]
    public void Entries_cut_off_the_end_show_against_a_published_head()
    {
        using var key = NewKey();
        var chain = Chain(key, 30);
        var published = chain[^1];
        var cut = chain.Take(25).ToList();
        ChainVerifier.Verify(cut, key).Holds.ShouldBeTrue("without a published head a shorter chain looks whole");
        var problem = ChainVerifier.Verify(cut, key, publishedSeq: published.Seq, publishedHash: published.Hash).FirstProblem!;
        (problem.Seq, problem.Problem).ShouldBe((26L, "truncated"));
    }

    [Fact]
    public async Task The_export_reads_back_what_was_written_and_names_a_line_that_is_not_an_entry()
    {
        using var key = NewKey();
        var chain = Chain(key, 3);
        using var stream = new MemoryStream();
        await RecordExport.WriteAsync(stream, new RecordExportHeader(RecordFormat.Name, key.ExportSubjectPublicKeyInfoPem(), 3, Start), chain.ToAsyncEnumerable(),
            CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var (header, entries) = RecordExport.Read(new StringReader(text));
        (header.Entries, entries.Count).ShouldBe((3L, 3));
        entries.ShouldBe(chain);
        using var published = RecordFormat.PublicKey(header.PublicKey);
        ChainVerifier.Verify(entries, published, allSignatures: true).Holds.ShouldBeTrue();
        Should.Throw<InvalidDataException>(() => RecordExport.Read(new StringReader(text + "{not json\n"))).Message.ShouldStartWith("Line 5");
    }
}
