using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Lingjing.Bench.Record;
using Lingjing.Bench.Shared;

// The decision record's costs (issue 17's goals): what appending a decision's entry adds to its transaction and what
// sealing costs per entry, on SQLite and (with --postgres) PostgreSQL; and verifying an export of --entries entries.
//   dotnet run -c Release --project bench/Lingjing.Bench.Record -- [--decisions 20000] [--entries 1000000] [--postgres "Host=..."]
var decisionsOption = CommandLines.Option("--decisions", 20_000, "decision transactions, half of them with the record's entry").AtLeast(2);
var entriesOption = CommandLines.Option("--entries", 1_000_000, "entries of the export verified").AtLeast(1);
var postgresOption = CommandLines.Optional<string>("--postgres", "a PostgreSQL connection string (a scratch database: its record tables are dropped)");
var outOption = CommandLines.Option("--out", "bench/results", "where the JSON result goes");
if (CommandLines.Parse(new RootCommand("Decision record benchmark: appending, sealing and verifying.")
        { decisionsOption, entriesOption, postgresOption, outOption }, args) is not { } parsed)
    return Environment.ExitCode;

var repo = FindRepo();
string Script(string database) => File.ReadAllText(Path.Combine(repo, "src/Lingjing.Server/Infrastructure/Data/Schema", database, "0901_record.sql"));
var decisions = parsed.GetValue(decisionsOption);
var appends = new List<AppendResult>();
var scratch = Path.Combine(Path.GetTempPath(), $"lingjing-record-bench-{Environment.ProcessId}");
Directory.CreateDirectory(scratch);
try
{
    Console.WriteLine($"Appending {decisions:N0} decisions on SQLite ...");
    appends.Add(await AppendRun.Sqlite(Path.Combine(scratch, "bench.db"), Script("sqlite")).RunAsync(decisions));
    if (parsed.GetValue(postgresOption) is { } postgres)
    {
        Console.WriteLine($"Appending {decisions:N0} decisions on PostgreSQL ...");
        appends.Add(await AppendRun.Postgres(postgres, Script("postgres")).RunAsync(decisions));
    }
    var entries = parsed.GetValue(entriesOption);
    Console.WriteLine($"Making and verifying an export of {entries:N0} entries ...");
    var verify = await VerifyRun.RunAsync(entries, Path.Combine(scratch, "export.jsonl"));

    foreach (var a in appends)
        Console.WriteLine($"{a.Database}: a decision without / with its entry p50 / p99 / max {a.Without} | {a.With}; the record adds {a.AddedP50Ms:F3} ms (p50), {a.AddedP99Ms:F3} ms (p99); sealing {a.SealMicrosecondsPerEntry} µs per entry");
    Console.WriteLine($"Verify {verify.Entries:N0} entries ({verify.FileMegabytes} MB): {verify.VerifySeconds} s (holds: {verify.Holds}); every signature: {verify.VerifyAllSignaturesSeconds} s");

    var outDirectory = parsed.GetValue(outOption)!;
    Directory.CreateDirectory(outDirectory);
    var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    var file = Path.Combine(outDirectory, $"record-{stamp}.json");
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
    {
        bench = "record", machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription },
        command = "dotnet run -c Release --project bench/Lingjing.Bench.Record -- " + string.Join(' ', args),
        appends, verify,
    }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    Console.WriteLine($"Results in {file}");
    return 0;
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Lingjing.slnx"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
