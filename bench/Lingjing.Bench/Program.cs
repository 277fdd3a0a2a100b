using Lingjing.Bench.Shared;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Bench;

// Directory benchmark: first-run seeding time, warm start time, then enterprise search latency over
// HTTP at a fixed concurrency against the real server process, with /health/live as the HTTP floor.
// Usage: dotnet run --project bench/Lingjing.Bench -c Release -- --db sqlite|postgres
//        [--postgres "Host=...;Database=<fresh empty database>"] [--server path/to/Lingjing.Server.dll]
//        [--requests 2000] [--concurrency 8] [--results bench/results] [--readme bench/README.md]
if (BenchOptions.Parse(args) is not { } options) return;
var work = Directory.CreateTempSubdirectory("lingjing-bench-");
var logFile = Path.Combine(work.FullName, "server.log");
Console.WriteLine($"Lingjing directory benchmark on {options.Database}; server log: {logFile}");

var clock = Stopwatch.StartNew();
await using (var first = ServerProcess.Start(options.ServerDll, work.FullName, options.Postgres, logFile))
{
    await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
    clock.Stop();
}
var seeding = clock.Elapsed;
Console.WriteLine($"First run (schema + demo seeding) until ready: {seeding.TotalSeconds:0.00} s");

var warmStarts = new List<double>();
ServerProcess? server = null;
for (var i = 0; i < 3; i++)
{
    if (server is not null) await server.DisposeAsync();
    clock.Restart();
    server = ServerProcess.Start(options.ServerDll, work.FullName, options.Postgres, logFile);
    await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(1));
    warmStarts.Add(Math.Round(clock.Elapsed.TotalSeconds, 2));
}
Console.WriteLine($"Warm starts until ready: {string.Join(", ", warmStarts.Select(s => $"{s:0.00} s"))}");

await using (server)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { BaseAddress = server!.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    var token = await client.PostAsJsonAsync("api/v1/auth/token", new { email = "gov@demo.lingjing.local", password = "Demo#2026" });
    token.EnsureSuccessStatusCode();
    var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    var enterprises = (await client.GetFromJsonAsync<JsonElement>("api/v1/enterprises?pageSize=1")).GetProperty("total").GetInt32();
    var parks = (await client.GetFromJsonAsync<JsonElement>("api/v1/parks?pageSize=1")).GetProperty("total").GetInt32();
    Console.WriteLine($"Directory holds {enterprises:N0} enterprises in {parks} parks");

    var searches = DirectoryQueryMix.Build(options.Requests, seed: 20261124, parks);
    var floor = Enumerable.Repeat(("live", "health/live"), options.Requests).ToList();
    await LoadRun.RunAsync(client, DirectoryQueryMix.Build(Math.Min(300, options.Requests), seed: 7, parks), options.Concurrency);
    await LoadRun.RunAsync(client, floor.Take(300).ToList(), options.Concurrency);

    var loadBefore = LoadAverage();
    clock.Restart();
    var baselineSamples = await LoadRun.RunAsync(client, floor, options.Concurrency);
    var baseline = LatencySummary.Of(baselineSamples.Select(s => s.Milliseconds).ToList(), clock.Elapsed);
    clock.Restart();
    var searchSamples = await LoadRun.RunAsync(client, searches, options.Concurrency);
    var search = LatencySummary.Of(searchSamples.Select(s => s.Milliseconds).ToList(), clock.Elapsed);
    var loadAfter = LoadAverage();
    var failures = searchSamples.Count(s => s.Status != 200) + baselineSamples.Count(s => s.Status != 200);
    var byKind = searchSamples.GroupBy(s => s.Kind).OrderBy(g => g.Key)
        .ToDictionary(g => g.Key, g => LatencySummary.Of(g.Select(s => s.Milliseconds).ToList(), TimeSpan.Zero) with { RequestsPerSecond = 0 });

    var result = new BenchResult(options.Database, DateTime.UtcNow, Environment.ProcessorCount, enterprises, options.Concurrency,
        Math.Round(seeding.TotalSeconds, 2), warmStarts, search, baseline, Math.Round(search.P95Ms / Math.Max(baseline.P95Ms, 0.01), 1),
        failures, byKind, options.CommandLine, [loadBefore, loadAfter]);
    Console.WriteLine($"search   p50 {search.P50Ms} ms  p95 {search.P95Ms} ms  p99 {search.P99Ms} ms  {search.RequestsPerSecond} req/s");
    Console.WriteLine($"baseline p50 {baseline.P50Ms} ms  p95 {baseline.P95Ms} ms  p99 {baseline.P99Ms} ms  {baseline.RequestsPerSecond} req/s");
    foreach (var (kind, summary) in byKind) Console.WriteLine($"  {kind,-13} n={summary.Requests,5}  p50 {summary.P50Ms} ms  p95 {summary.P95Ms} ms");
    Console.WriteLine($"load average (1 min) before/after: {loadBefore} / {loadAfter}");
    if (failures > 0) Console.WriteLine($"{failures} requests did not answer 200");
    await BenchReport.WriteAsync(result, options.ResultsDirectory, options.Readme);
    if (failures > 0) Environment.ExitCode = 1;
}
work.Delete(recursive: true);

static double LoadAverage() =>
    File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : -1;
