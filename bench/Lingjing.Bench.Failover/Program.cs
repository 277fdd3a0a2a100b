using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Bench.Shared;
using Lingjing.Bench.Failover;

// Failover of a world, measured over repeated crashes: on a cluster started by tools/cluster/cluster.sh, people in the
// zone's world through nginx; each round kill -9s the node owning the zone's world and measures the time until every
// person (those of the dead node reconnecting where they stood) sees every other one move again, then starts the node
// again and waits for it to rejoin. See bench/cluster/failover.sh.
var clusterDir = CommandLines.Option("--cluster", "/tmp/lingjing-cluster", "the directory given to tools/cluster/cluster.sh start");
var balancer = CommandLines.Option("--url", "http://127.0.0.1:8090", "nginx in front of the nodes");
var kills = CommandLines.Option("--kills", 10, "crashes to measure").AtLeast(1);
var count = CommandLines.Option("--people", 9, "people in the world").AtLeast(2);
var outFile = CommandLines.Optional<string>("--out", "write the results as JSON to this file");
var command = new RootCommand("Lingjing.Bench.Failover: kill -9 of a world's owner, to everyone moving again.") { clusterDir, balancer, kills, count, outFile };
if (CommandLines.Parse(command, args) is not { } parsed) return 2;
var dir = parsed.GetValue(clusterDir)!;
var url = new Uri(parsed.GetValue(balancer)!);
var script = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tools", "cluster", "cluster.sh");
var nodes = int.Parse(File.ReadAllText(Path.Combine(dir, "nodes")).Trim(), CultureInfo.InvariantCulture);
var siloBase = int.Parse(Environment.GetEnvironmentVariable("CLUSTER_SILO_PORT") ?? "11111", CultureInfo.InvariantCulture);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
var ct = cancel.Token;

using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
async Task<string> TokenAsync(string email)
{
    var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Demo#2026" }, ct);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
}
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("gov@demo.lingjing.local"));
var people = new List<WorldClient>();
for (var i = 1; i <= parsed.GetValue(count); i++)
{
    var person = new WorldClient(url, await TokenAsync($"user{i:D4}@demo.lingjing.local"));
    await person.ConnectAsync(people.Count == 0 ? null : people[0].At, ct);
    people.Add(person);
}

var rounds = new List<Round>();
var lastMiss = "";
for (var round = 1; round <= parsed.GetValue(kills); round++)
{
    // Everyone connects again through nginx first, which spreads them over the nodes in turn: each kill drops some.
    foreach (var person in people) await person.ConnectAsync(person.At, ct);
    var owner = await OwnerAsync();
    var node = owner - siloBase + 1;
    Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss.f} round {round}: killing node {node}");
    await RunAsync("kill", node);
    var moving = await EveryoneMovesAsync(round);
    var reconnected = people.Count(p => p.Reconnected);
    Console.WriteLine($"round {round}: killed node {node} (owner of the zone), everyone moving again after {moving.TotalSeconds:0.00} s, {reconnected} people reconnected");
    rounds.Add(new Round(round, node, Math.Round(moving.TotalSeconds, 2), reconnected));
    await RunAsync("restart", node);
    await UntilAsync(async () => (await http.GetFromJsonAsync<JsonElement>("/api/v1/operations/nodes", ct)).GetProperty("nodes").GetArrayLength() == nodes, "the node to rejoin");
}
var seconds = rounds.Select(r => r.Seconds * 1000).ToList();
var summary = Percentiles.Of(seconds);
Console.WriteLine($"{rounds.Count} kills: p50 {summary.P50Ms / 1000:0.00} s, max {summary.MaxMs / 1000:0.00} s, mean {seconds.Average() / 1000:0.00} s");
if (parsed.GetValue(outFile) is { } file)
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
    {
        bench = "failover", machineCores = Environment.ProcessorCount, nodes, people = people.Count,
        medianSeconds = Math.Round(summary.P50Ms / 1000, 2), maxSeconds = Math.Round(summary.MaxMs / 1000, 2),
        meanSeconds = Math.Round(seconds.Average() / 1000, 2), rounds,
    }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }), ct);
foreach (var person in people) await person.DisposeAsync();
return 0;

async Task<int> OwnerAsync()
{
    var worlds = await http.GetFromJsonAsync<JsonElement>("/api/v1/operations/worlds", ct);
    var owner = worlds.EnumerateArray().Single(w => w.GetProperty("worldId").GetString() == "zone").GetProperty("owner").GetString()!;
    return int.Parse(owner[(owner.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
}

async Task<TimeSpan> EveryoneMovesAsync(int round)
{
    lastMiss = "";
    var clock = Stopwatch.StartNew();
    foreach (var p in people) p.Reconnected = false;
    await UntilAsync(async () =>
    {
        foreach (var mover in people)
        {
            foreach (var p in people.Where(p => !p.Open))
            {
                await p.ConnectAsync(p.At, ct);
                p.Reconnected = true;
            }
            await mover.StepAsync(round % 2 == 0 ? 100 : -100, ct);
            var watchers = people.Where(p => p != mover).ToList();
            var seen = await Task.WhenAll(watchers.Select(p => p.SeesAsync(mover.AvatarId, mover.At, TimeSpan.FromMilliseconds(500), ct)));
            var missed = watchers.Where((_, i) => !seen[i]).ToList();
            if (missed.Count > 0)
            {
                lastMiss = $"{mover} moved; not seen by {string.Join(", ", missed)}";
                Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss.f} {lastMiss}");
                return false;
            }
        }
        return true;
    }, "everyone to move again");
    return clock.Elapsed;
}

async Task RunAsync(string action, int node)
{
    using var process = Process.Start(new ProcessStartInfo("bash", [script, action, dir, node.ToString(CultureInfo.InvariantCulture)]))!;
    await process.WaitForExitAsync(ct);
    if (process.ExitCode != 0) throw new InvalidOperationException($"cluster.sh {action} {node} failed");
}

async Task UntilAsync(Func<Task<bool>> holds, string what)
{
    var giveUp = Stopwatch.StartNew();
    var lastError = "";
    while (giveUp.Elapsed < TimeSpan.FromSeconds(120))
    {
        try
        {
            if (await holds()) return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var why = $"{e.GetType().Name}: {e.Message}";
            if (why != lastError) Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss.f} waiting for {what}: {why}");
            lastError = why;
        }
        await Task.Delay(100, ct);
    }
    throw new TimeoutException($"Waited 120 s for {what}. {lastMiss}");
}

internal sealed record Round(int Number, int KilledNode, double Seconds, int Reconnected);
