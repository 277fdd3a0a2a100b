using System.CommandLine;
using System.Diagnostics;
using Lingjing.Bench.Shared;
using Lingjing.Record;

// Checks an export of Lingjing's decision record (GET /api/v1/record/export) offline: every hash, every link, the
// signatures, and optionally a head published on /record. Exit code 0 when the record holds, 1 when it does not (the
// first entry altered, removed or reordered is named), 2 when the file cannot be read.
var file = new Argument<FileInfo>("export") { Description = "the export file (JSON Lines)" };
var key = CommandLines.Optional<FileInfo>("--key", "a public key (PEM) to check against instead of the one in the file, e.g. as published on /record");
var all = new Option<bool>("--all-signatures") { Description = "check every entry's signature, not only the last one's (slower)" };
var head = CommandLines.Optional<string>("--head", "a published head, SEQ:HASH, that the export must contain");
var command = new RootCommand("Lingjing.RecordVerifier: checks an export of the decision record.") { file, key, all, head };
if (CommandLines.Parse(command, args) is not { } parsed) return 2;

var started = Stopwatch.GetTimestamp();
RecordExportHeader header;
List<RecordEntryLine> entries;
try
{
    using var reader = new StreamReader(parsed.GetValue(file)!.FullName);
    (header, entries) = RecordExport.Read(reader);
}
catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"The export could not be read: {error.Message}");
    return 2;
}
var pem = parsed.GetValue(key) is { } keyFile ? File.ReadAllText(keyFile.FullName) : header.PublicKey;
if (parsed.GetValue(key) is not null && pem.Trim() != header.PublicKey.Trim())
    Console.WriteLine("Note: the file names another public key than the one given; checking against the one given.");
long? publishedSeq = null;
string? publishedHash = null;
if (parsed.GetValue(head) is { } published)
{
    var parts = published.Split(':', 2);
    if (parts.Length != 2 || !long.TryParse(parts[0], out var seq))
    {
        Console.Error.WriteLine("--head must be SEQ:HASH, as /record shows it.");
        return 2;
    }
    (publishedSeq, publishedHash) = (seq, parts[1].Trim().ToLowerInvariant());
}
using var publicKey = RecordFormat.PublicKey(pem);
var report = ChainVerifier.Verify(entries, publicKey, parsed.GetValue(all), publishedSeq, publishedHash);
var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
if (report.Holds)
{
    Console.WriteLine($"The record holds: {report.Entries:N0} entries, head {report.HeadHash ?? "(empty)"}, checked in {seconds:F1} s.");
    return 0;
}
var problem = report.FirstProblem!;
Console.WriteLine($"The record does not hold. First problem at entry {problem.Seq} ({problem.Problem}): {problem.Detail}.");
Console.WriteLine($"Read {report.Entries:N0} entries in {seconds:F1} s.");
return 1;
