using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using Lingjing.Bench.ServiceHall;
using Lingjing.Bench.Shared;
using Lingjing.Server.Features.Demo;

// Issue 17's goal: the queue's state (a visitor's place, their call) reaches them p99 under 1 s with 500 people queuing.
// Starts the real server (Release, demo zone), opens desk A around the clock, has --visitors demo employees take a
// number there and follow it (server-sent events), then two officials call and serve --calls numbers, one every
// --interval-ms: for every call, the time from the call to each waiting visitor seeing their new place, and to the
// called one seeing the call.
//   dotnet bench/Lingjing.Bench.ServiceHall/bin/Release/net10.0/Lingjing.Bench.ServiceHall.dll [--visitors 500] [--calls 60] [--postgres "..."]
var repo = CommandLines.RepositoryRoot();
var visitorsOption = CommandLines.Option("--visitors", 500, "demo employees taking a number at one desk").AtLeast(2);
var callsOption = CommandLines.Option("--calls", 60, "numbers called and served").AtLeast(1);
var intervalOption = CommandLines.Option("--interval-ms", 250, "pause between calls").AtLeast(0);
var serverOption = CommandLines.Option("--server", Path.Combine(repo, "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll"), "the server to start");
var postgresOption = CommandLines.Optional<string>("--postgres", "a connection string to a fresh empty database (default: SQLite)");
var resultsOption = CommandLines.Option("--results", Path.Combine(repo, "bench/results"), "where the JSON result goes");
if (CommandLines.Parse(new RootCommand("Service hall benchmark: queue state to 500 visitors.")
        { visitorsOption, callsOption, intervalOption, serverOption, postgresOption, resultsOption }, args) is not { } parsed)
    return;
var visitors = parsed.GetValue(visitorsOption);
var calls = Math.Min(parsed.GetValue(callsOption), visitors - 1);
var postgres = parsed.GetValue(postgresOption);

var work = Directory.CreateTempSubdirectory("lingjing-hallbench-");
var logFile = Path.Combine(work.FullName, "server.log");
Console.WriteLine($"Service hall benchmark on {(postgres is null ? "SQLite" : "PostgreSQL")}, {visitors} visitors, {calls} calls; server log: {logFile}");
await using var server = ServerProcess.Start(Path.GetFullPath(parsed.GetValue(serverOption)!), work.FullName, postgres, logFile, ["--Lingjing:RateLimits:Enabled=false"]);
await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(15));
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = visitors + 50, UseCookies = false })
    { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

async Task<string> SignInAsync(string email)
{
    using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email, password = DemoAccountGenerator.Password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}
async Task<JsonElement> SendAsync(HttpMethod method, string token, string path, object? body = null)
{
    using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    var json = await response.Content.ReadFromJsonAsync<JsonElement>();
    if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {json}");
    return json;
}

var gov = await SignInAsync(DemoAccountGenerator.GovernmentEmail);
var desks = await SendAsync(HttpMethod.Get, gov, "api/v1/service-hall/desks");
var desk = desks[0].GetProperty("id").GetInt32();
await SendAsync(HttpMethod.Put, gov, $"api/v1/service-hall/desks/{desk}", new { weekdays = 127, hours = "00:00-23:59" });

Console.WriteLine($"Signing in {visitors} visitors and taking their numbers ...");
var tokens = new string[visitors];
await Parallel.ForEachAsync(Enumerable.Range(0, visitors), new ParallelOptions { MaxDegreeOfParallelism = 8 },
    async (i, _) => tokens[i] = await SignInAsync(DemoAccountGenerator.EmployeeEmail(i + 1)));
var takeClock = Stopwatch.StartNew();
var tickets = new Guid[visitors];
var takeTimes = new double[visitors];
await Parallel.ForEachAsync(Enumerable.Range(0, visitors), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
{
    var started = Stopwatch.GetTimestamp();
    tickets[i] = (await SendAsync(HttpMethod.Post, tokens[i], $"api/v1/service-hall/desks/{desk}/tickets")).GetProperty("id").GetGuid();
    takeTimes[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
});
var takeSeconds = takeClock.Elapsed.TotalSeconds;

Console.WriteLine("Opening every visitor's stream ...");
using var stop = new CancellationTokenSource();
var listeners = tickets.Select((t, i) => new QueueListener(http, tokens[i], t)).ToList();
var opened = listeners.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
var following = listeners.Select((l, i) => Task.Run(() => l.FollowAsync(opened[i], stop.Token))).ToList();
await Task.WhenAll(opened.Select(o => o.Task)).WaitAsync(TimeSpan.FromMinutes(3));

var officials = new[] { await SignInAsync(DemoAccountGenerator.OfficialEmail(1)), await SignInAsync(DemoAccountGenerator.OfficialEmail(2)) };
foreach (var official in officials) await SendAsync(HttpMethod.Post, official, $"api/v1/service-hall/desks/{desk}/sign-in");
Console.WriteLine($"Calling {calls} numbers, one every {parsed.GetValue(intervalOption)} ms ...");
var before = MachineLoad.Sample();
// The baseline in the same run: one visitor asking for their number (a plain request) over and over while the calls go
// on, i.e. the least a visitor polling would wait per look.
using var polling = new CancellationTokenSource();
var pollTimes = new List<double>();
var poller = Task.Run(async () =>
{
    while (!polling.IsCancellationRequested)
    {
        var started = Stopwatch.GetTimestamp();
        await SendAsync(HttpMethod.Get, tokens[^1], $"api/v1/service-hall/tickets/{tickets[^1]}");
        pollTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await Task.Delay(50);
    }
});
var callTimes = new List<(long At, Guid Ticket)>();
for (var n = 0; n < calls; n++)
{
    var official = officials[n % 2];
    var at = Stopwatch.GetTimestamp();
    var called = await SendAsync(HttpMethod.Post, official, $"api/v1/service-hall/desks/{desk}/call-next");
    callTimes.Add((at, called.GetProperty("id").GetGuid()));
    await SendAsync(HttpMethod.Post, official, $"api/v1/service-hall/tickets/{called.GetProperty("id").GetGuid()}/finish", new { outcome = "Served by the benchmark." });
    await Task.Delay(parsed.GetValue(intervalOption));
}
await polling.CancelAsync();
await poller;
await Task.Delay(2_000); // the last events on their way
var busy = MachineLoad.BusyPercent(before, MachineLoad.Sample());
await stop.CancelAsync();
await Task.WhenAll(following.Select(f => f.ContinueWith(_ => { })));

// For each call, each visitor still waiting after it: the first event at or after the call showing a place that has
// moved up past it (or the call itself, for the one called).
var placeLatencies = new List<double>();
var calledLatencies = new List<double>();
var missing = 0;
var byTicket = listeners.ToDictionary(l => l.Ticket);
foreach (var (at, calledTicket) in callTimes)
{
    var calledAt = Array.IndexOf(tickets, calledTicket);
    // The call, or what followed it when the official finished before the stream's next reading (the bench finishes
    // each call at once, so a reading may already show the number served).
    var seen = byTicket[calledTicket].Events.FirstOrDefault(e => e.At >= at && e.Status != "waiting");
    if (seen.At == 0) missing++; else calledLatencies.Add(Stopwatch.GetElapsedTime(at, seen.At).TotalMilliseconds);
    foreach (var listener in listeners)
    {
        // Its place just before this call, from the last event before it.
        List<(long At, string Status, int? Position)> events;
        lock (listener.Events) events = [.. listener.Events];
        var last = events.LastOrDefault(e => e.At < at);
        if (last.Status != "waiting" || last.Position is not { } place || listener.Ticket == calledTicket) continue;
        var next = events.FirstOrDefault(e => e.At >= at && (e.Position < place || e.Status != "waiting"));
        if (next.At == 0) { missing++; continue; }
        placeLatencies.Add(Stopwatch.GetElapsedTime(at, next.At).TotalMilliseconds);
    }
}
var places = Percentiles.Of(placeLatencies);
var call = Percentiles.Of(calledLatencies);
var poll = Percentiles.Of(pollTimes);
Console.WriteLine($"Numbers taken: {visitors} in {takeSeconds:0.0} s, per request {Percentiles.Of(takeTimes)}");
Console.WriteLine($"Place to waiting visitors ({places.Count} updates): p50 {places.P50Ms:0} ms, p99 {places.P99Ms:0} ms, max {places.MaxMs:0} ms");
Console.WriteLine($"Call to the called visitor ({call.Count}): p50 {call.P50Ms:0} ms, p99 {call.P99Ms:0} ms; updates not seen: {missing}; machine busy {busy:0} %");
Console.WriteLine($"Baseline, one visitor asking for their number ({poll.Count} requests): p50 {poll.P50Ms:0} ms, p99 {poll.P99Ms:0} ms; " +
    $"place p99 / request p99 = {places.P99Ms / poll.P99Ms:0.00}");

var result = new
{
    benchmark = "service-hall-queue",
    machine = new { cores = Environment.ProcessorCount, os = RuntimeInformation.OSDescription },
    database = postgres is null ? "sqlite" : "postgres",
    visitors, calls, intervalMs = parsed.GetValue(intervalOption),
    takeSeconds = Math.Round(takeSeconds, 2), take = Percentiles.Of(takeTimes),
    placeToWaiting = places, callToCalled = call, baselineRequest = poll, placeP99OverRequestP99 = Math.Round(places.P99Ms / poll.P99Ms, 2), updatesNotSeen = missing, machineBusyPercent = Math.Round(busy, 1),
};
Directory.CreateDirectory(parsed.GetValue(resultsOption)!);
var file = Path.Combine(parsed.GetValue(resultsOption)!, $"service-hall-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json");
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Written to {file}");
