using System.CommandLine;
using Lingjing.Bench.Shared;

namespace Lingjing.Bench;

public sealed record BenchOptions(string Database, string? Postgres, string ServerDll, int Requests, int Concurrency,
    string ResultsDirectory, string Readme, string CommandLine)
{
    /// <summary>The options, or null when the program should stop (after --help or a mistake, already printed).</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var repo = CommandLines.RepositoryRoot();
        var db = CommandLines.Option("--db", "sqlite", "sqlite or postgres").AcceptOnlyFromAmong("sqlite", "postgres");
        var postgres = CommandLines.Option<string?>("--postgres", Environment.GetEnvironmentVariable("LINGJING_BENCH_POSTGRES"),
            "a connection string to a fresh empty database (or LINGJING_BENCH_POSTGRES)");
        var server = CommandLines.Option("--server", Path.Combine(repo, "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll"), "the server to start");
        var requests = CommandLines.Option("--requests", 2000, "searches measured").AtLeast(1);
        var concurrency = CommandLines.Option("--concurrency", 8, "requests in flight at once").AtLeast(1);
        var results = CommandLines.Option("--results", Path.Combine(repo, "bench/results"), "where the JSON result goes");
        var readme = CommandLines.Option("--readme", Path.Combine(repo, "bench/README.md"), "the README whose results table is updated");
        var command = new RootCommand("Directory benchmark: first-run seeding, warm starts, then enterprise search latency over HTTP against the real server.")
        {
            db, postgres, server, requests, concurrency, results, readme,
        };
        if (CommandLines.Parse(command, args) is not { } parsed) return null;
        var database = parsed.GetValue(db)!;
        if (database == "postgres" && string.IsNullOrWhiteSpace(parsed.GetValue(postgres)))
            return CommandLines.Refuse<BenchOptions>("--db postgres needs --postgres \"Host=...;Database=<fresh empty database>\" or LINGJING_BENCH_POSTGRES.");
        if (!File.Exists(parsed.GetValue(server)))
            return CommandLines.Refuse<BenchOptions>($"Build the server first (dotnet build src/Lingjing.Server -c Release): {parsed.GetValue(server)}");
        return new BenchOptions(database, database == "postgres" ? parsed.GetValue(postgres) : null, Path.GetFullPath(parsed.GetValue(server)!),
            parsed.GetValue(requests), parsed.GetValue(concurrency), parsed.GetValue(results)!, parsed.GetValue(readme)!,
            "bench/directory.sh " + database);
    }
}
