using System.Diagnostics;
using System.Security.Cryptography;
using Lingjing.Record;

namespace Lingjing.Bench.Record;

/// <summary>
/// Verifying an export of a given size as tools/Lingjing.RecordVerifier does: a chain of that many entries is made
/// (hashed in order, signed in parallel), written as an export file, then read and checked: hashes and links of every
/// entry and the last signature (the verifier's default), and every signature (--all-signatures).
/// </summary>
public static class VerifyRun
{
    public static async Task<VerifyResult> RunAsync(int entries, string file)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var made = Stopwatch.StartNew();
        var chain = new RecordEntryLine[entries];
        var previous = RecordFormat.Genesis;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] kinds = ["policy.published", "application.approved", "application.rejected", "payout.made", "fact.approved"];
        for (var i = 0; i < entries; i++)
        {
            var entry = new RecordEntryLine(i + 1, start.AddSeconds(i), kinds[i % kinds.Length], $"application:{i}", "9f1c0b4e-7d1a-4c39-a8a5-2f1de6b0c001",
                $$"""{"application":{{i}},"policyId":{{i % 500}},"enterpriseId":{{i % 50000}},"amountYuan":{{i % 7 * 10000}}}""", previous, "", "");
            previous = RecordFormat.Hash(entry);
            chain[i] = entry with { Hash = previous };
        }
        Parallel.For(0, entries, () => Copy(key), (i, _, own) =>
        {
            chain[i] = chain[i] with { Signature = RecordFormat.Sign(own, chain[i].Hash) };
            return own;
        }, own => own.Dispose());
        await using (var output = File.Create(file))
            await RecordExport.WriteAsync(output, new RecordExportHeader(RecordFormat.Name, key.ExportSubjectPublicKeyInfoPem(), entries, DateTimeOffset.UtcNow),
                chain.ToAsyncEnumerable(), CancellationToken.None);
        made.Stop();

        var (defaultSeconds, holds) = Check(file, allSignatures: false);
        var (allSeconds, allHold) = Check(file, allSignatures: true);
        return new VerifyResult(entries, Math.Round(new FileInfo(file).Length / 1048576.0, 1), Math.Round(made.Elapsed.TotalSeconds, 1),
            Math.Round(defaultSeconds, 2), holds, Math.Round(allSeconds, 2), allHold);
    }

    private static (double Seconds, bool Holds) Check(string file, bool allSignatures)
    {
        var started = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(file);
        var (header, lines) = RecordExport.Read(reader);
        using var key = RecordFormat.PublicKey(header.PublicKey);
        var report = ChainVerifier.Verify(lines, key, allSignatures);
        return (Stopwatch.GetElapsedTime(started).TotalSeconds, report.Holds);
    }

    private static ECDsa Copy(ECDsa key)
    {
        var copy = ECDsa.Create();
        copy.ImportParameters(key.ExportParameters(true));
        return copy;
    }
}

/// <param name="VerifySeconds">Read and check every hash and link and the last signature (the verifier's default).</param>
/// <param name="VerifyAllSignaturesSeconds">The same with every signature checked, on every core.</param>
public sealed record VerifyResult(int Entries, double FileMegabytes, double MakeSeconds, double VerifySeconds, bool Holds,
    double VerifyAllSignaturesSeconds, bool AllHold);
