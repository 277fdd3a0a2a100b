using Lingjing.Bench.Shared;
using System.Diagnostics;
using System.Text.Json;
using Lingjing.Bench.Bookings;

// Booking benchmark: many concurrent clients booking a few hot spaces over HTTP against the real
// server (Release, demo zone), then the database itself is checked for double bookings.
// Usage: dotnet bench/Lingjing.Bench.Bookings/bin/Release/net10.0/Lingjing.Bench.Bookings.dll --db sqlite|postgres
//        [--postgres "Host=...;Database=<fresh empty database>"] [--clients 1000] [--spaces 50] [--seconds 60]
//        [--pgbench-tps 1234.5 --pgbench-command "..."] [--server path/to/Lingjing.Server.dll] [--results bench/results]
if (BookingBenchOptions.Parse(args) is not { } options) return;
var work = Directory.CreateTempSubdirectory("lingjing-bookbench-");
var logFile = Path.Combine(work.FullName, "server.log");
var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
Console.WriteLine($"Booking benchmark on {options.Database}: {options.Clients} clients, {options.HotSpaces} hot spaces, {options.Seconds} s; server log: {logFile}");

var clock = Stopwatch.StartNew();
var server = ServerProcess.Start(options.ServerDll, work.FullName, options.Postgres, logFile, options.ServerArguments);
await using (server)
{
    await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
    var firstRun = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"Server ready (schema + demo zone) after {firstRun:0.0} s");

    var database = new BenchDatabase(options.Database, work.FullName, options.Postgres);
    var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
    // One more space than the hot ones: the first of the seeded order is kept for the sequential probe.
    var chosen = await database.HotSpacesAsync(options.HotSpaces + 1, seed: 20261124);
    var probeSpace = chosen[0];
    var spaces = chosen.Skip(1).Select(s => (s.Id, s.Slots(today, zone))).ToList();
    var slotsOffered = spaces.Sum(s => s.Item2.Count);
    Console.WriteLine($"Hot spaces: {spaces.Count} ({string.Join(", ", spaces.Take(8).Select(s => s.Id))}, ...), {slotsOffered:N0} distinct 1 h / 2 h slots in the next 14 days");

    using var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Clients,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
    };
    using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

    // Employees first, then enterprise administrators: one account per client.
    var emails = Enumerable.Range(1, Math.Min(options.Clients, 2000)).Select(i => $"user{i:0000}@demo.lingjing.local")
        .Concat(Enumerable.Range(1, 2000).Select(i => $"ent{i:00000}@demo.lingjing.local")).Take(options.Clients).ToList();
    clock.Restart();
    var tokens = await BookingLoad.SignInAsync(http, emails, "Demo#2026", concurrency: 8);
    var signIn = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"Signed in {tokens.Count} accounts in {signIn:0.0} s");

    var government = await BookingLoad.SignInAsync(http, ["gov@demo.lingjing.local"], "Demo#2026", concurrency: 1);
    await HotSpaceRules.OpenAsync(http, government[0], chosen.Select(s => s.Id));
    Console.WriteLine($"Opened the {chosen.Count} spaces to every client (rules API)");

    var probe = await SequentialProbe.RunAsync(http, tokens[0], probeSpace.Id, probeSpace.Slots(today, zone), requests: 100);
    Console.WriteLine($"Sequential probe, one request at a time on the idle server (space {probeSpace.Id}):");
    foreach (var kind in probe)
        Console.WriteLine($"  {kind.Kind,-36} mean {kind.MeanMs,7} ms  p50 {kind.P50Ms,7} ms  p90 {kind.P90Ms,7} ms{(kind.Unexpected > 0 ? $"  ({kind.Unexpected} not {kind.ExpectedStatus})" : "")}");
    var probeCreated = probe.Single(k => k.ExpectedStatus == 201) is var c ? c.Requests - c.Unexpected : 0;

    var loadBefore = MachineLoad.LoadAverage();
    var cpuBefore = MachineLoad.Sample();
    var serverCpuBefore = server.CpuTime;
    var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var databaseName = options.Postgres is null ? null : new Npgsql.NpgsqlConnectionStringBuilder(options.Postgres).Database;
    var postgresCpuBefore = PostgresBackends.CpuSeconds(databaseName);
    var duration = TimeSpan.FromSeconds(options.Seconds);
    var samples = await BookingLoad.RunAsync(http, tokens, spaces, duration, seed: 7);
    var cpuAfter = MachineLoad.Sample();
    var serverCpu = (server.CpuTime - serverCpuBefore).TotalSeconds;
    var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalSeconds;
    var loadAfter = MachineLoad.LoadAverage();
    var postgresCpu = PostgresBackends.CpuSeconds(databaseName) - postgresCpuBefore;
    var machineCpu = (cpuAfter.Busy - cpuBefore.Busy) / 100.0;
    if (server.ExitCode is { } exit) Console.WriteLine($"THE SERVER EXITED DURING THE RUN with code {exit} (137: SIGKILL from outside); see {logFile}");

    // Rates count what completed inside the window; statuses count everything (also the last in-flight answers).
    var inWindow = samples.Where(s => s.CompletedAtSeconds <= options.Seconds).ToList();
    var created = samples.Count(s => s.Status == 201);
    var conflicts = samples.Count(s => s.Status == 409);
    var other = samples.Where(s => s.Status is not (201 or 409)).GroupBy(s => s.Status == 0 ? "no answer" : s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .ToDictionary(g => g.Key, g => g.Count());
    var requestsPerSecond = Math.Round(inWindow.Count / (double)options.Seconds, 1);
    var bookingsPerSecond = Math.Round(inWindow.Count(s => s.Status == 201) / (double)options.Seconds, 1);
    var timeline = Enumerable.Range(0, (options.Seconds + 9) / 10).Select(step => inWindow.Where(s => (int)(s.CompletedAtSeconds / 10) == step).ToList())
        .Select((g, step) => new TimelineStep(step * 10, g.Count(s => s.Status == 201), g.Count(s => s.Status == 409), g.Count(s => s.Status is not (201 or 409))))
        .ToList();

    Console.WriteLine("Counting live and overlapping bookings in the database ...");
    var live = await database.LiveBookingsAsync();
    var doubles = await database.DoubleBookingsAsync();
    var benchLive = await database.BenchLiveBookingsAsync();

    var result = new BookingBenchResult(options.Database, DateTime.UtcNow, Environment.ProcessorCount, options.Clients, tokens.Distinct().Count(),
        spaces.Count, slotsOffered, options.Seconds, samples.Count, requestsPerSecond, created, bookingsPerSecond, conflicts, other,
        Percentiles.Of(samples.Select(s => s.Milliseconds)), Percentiles.Of(samples.Where(s => s.Status == 201).Select(s => s.Milliseconds)),
        Percentiles.Of(samples.Where(s => s.Status == 409).Select(s => s.Milliseconds)), timeline, live, benchLive, doubles,
        options.PgbenchTps, options.PgbenchCommand,
        options.PgbenchTps is > 0 ? Math.Round(requestsPerSecond / options.PgbenchTps.Value, 3) : null,
        options.PgbenchTps is > 0 ? Math.Round(bookingsPerSecond / options.PgbenchTps.Value, 3) : null,
        Math.Round(serverCpu, 1), Math.Round(clientCpu, 1), Math.Round(postgresCpu, 1), Math.Round(machineCpu, 1),
        MachineLoad.BusyPercent(cpuBefore, cpuAfter), [loadBefore, loadAfter], server.ExitCode, options.ServerArguments, probe, probeCreated,
        Math.Round(firstRun, 1), Math.Round(signIn, 1),
        $"bench/bookings/run.sh (--db {options.Database} --clients {options.Clients} --spaces {options.HotSpaces} --seconds {options.Seconds})");

    Console.WriteLine($"requests      {samples.Count:N0} ({requestsPerSecond} /s)");
    Console.WriteLine($"bookings 201  {created:N0} ({bookingsPerSecond} /s)   409: {conflicts:N0}   other: {(other.Count == 0 ? "none" : string.Join(", ", other.Select(o => $"{o.Key}: {o.Value}")))}");
    Console.WriteLine($"latency       p50 {result.Latency.P50Ms} ms  p90 {result.Latency.P90Ms} ms  p99 {result.Latency.P99Ms} ms  max {result.Latency.MaxMs} ms");
    Console.WriteLine($"  201 only    p50 {result.LatencyCreated.P50Ms} ms  p99 {result.LatencyCreated.P99Ms} ms;  409 only p50 {result.LatencyConflict.P50Ms} ms  p99 {result.LatencyConflict.P99Ms} ms");
    Console.WriteLine($"timeline      {string.Join("  ", timeline.Select(t => $"{t.FromSecond}s: {t.Created}/{t.Conflicts}"))}  (201/409 per 10 s)");
    Console.WriteLine($"database      {live:N0} live bookings, {benchLive:N0} of them this tool's (201s seen: {created:N0} under load + {probeCreated} in the probe), double bookings: {doubles}");
    Console.WriteLine($"cpu           over {options.Seconds} s: server {serverCpu:0.0} s, client {clientCpu:0.0} s, postgres backends {postgresCpu:0.0} s, whole machine {machineCpu:0.0} s ({result.MachineBusyPercent} % busy); load {loadBefore} -> {loadAfter}");
    Console.WriteLine($"cpu/request   server {1000 * serverCpu / Math.Max(samples.Count, 1):0.00} ms, postgres {1000 * postgresCpu / Math.Max(samples.Count, 1):0.00} ms, whole machine {1000 * machineCpu / Math.Max(samples.Count, 1):0.00} ms");
    if (options.PgbenchTps is > 0)
        Console.WriteLine($"pgbench       {options.PgbenchTps} TPS; booking requests/s = {result.RequestsToPgbenchRatio:P1} of it, bookings/s = {result.BookingsToPgbenchRatio:P1}");

    Directory.CreateDirectory(options.ResultsDirectory);
    var path = Path.Combine(options.ResultsDirectory, $"bookings-{options.Database}.json");
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    Console.WriteLine($"written       {path}");
    if (doubles > 0 || other.Keys.Any(k => k.StartsWith('5')) || server.ExitCode is not null) Environment.ExitCode = 1;
}
work.Delete(recursive: true);
