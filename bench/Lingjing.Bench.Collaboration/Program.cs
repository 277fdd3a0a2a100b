using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Lingjing.Bench.Collaboration;
using Lingjing.Bench.Shared;
using Lingjing.Server.Features.Collaboration;
using Lingjing.Server.Features.Collaboration.Demo;
using Lingjing.Server.Features.Demo;

// Collaboration benchmark against the real server (Release, demo zone: 50,000 enterprises, 300 institutions, 3,000
// needs, ~25,000 offers): latency of a need's matches and of the "recommended for you" feed over HTTP, and the quality
// of matching (precision@10, recall@50) against the demo generator's hidden ground truth, beside a plain keyword search
// of the offers measured in the same run. Usage:
//   dotnet bench/Lingjing.Bench.Collaboration/bin/Release/net10.0/Lingjing.Bench.Collaboration.dll --db sqlite|postgres
//        [--postgres "Host=...;Database=<fresh empty database>"] [--requests 400] [--concurrency 4] [--quality-needs 200]
var repo = CommandLines.RepositoryRoot();
var dbOption = CommandLines.Option("--db", "sqlite", "sqlite or postgres").AcceptOnlyFromAmong("sqlite", "postgres");
var postgresOption = CommandLines.Optional<string>("--postgres", "a connection string to a fresh empty database (for --db postgres)");
var serverOption = CommandLines.Option("--server", Path.Combine(repo, "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll"), "the server to start");
var requestsOption = CommandLines.Option("--requests", 400, "timed requests of each kind").AtLeast(10);
var concurrencyOption = CommandLines.Option("--concurrency", 4, "clients at once in the concurrent round").AtLeast(1);
var qualityOption = CommandLines.Option("--quality-needs", 200, "needs (with good partners) scored for quality").AtLeast(1);
var resultsOption = CommandLines.Option("--results", Path.Combine(repo, "bench/results"), "where the JSON result goes");
// For tuning: a server already running on the demo zone (seed 20261124, rate limits off), measured as it is.
var urlOption = CommandLines.Optional<string>("--url", "a running server to measure instead of starting one (nothing is written)");
if (CommandLines.Parse(new RootCommand("Collaboration benchmark: matches and feed latency over HTTP, matching quality against the demo's ground truth.")
        { dbOption, postgresOption, serverOption, requestsOption, concurrencyOption, qualityOption, resultsOption, urlOption }, args) is not { } parsed)
    return;
var database = parsed.GetValue(dbOption)!;
var postgres = database == "postgres" ? parsed.GetValue(postgresOption) : null;
if (database == "postgres" && string.IsNullOrWhiteSpace(postgres)) { Console.Error.WriteLine("--db postgres needs --postgres."); Environment.ExitCode = 2; return; }
var requests = parsed.GetValue(requestsOption);
var concurrency = parsed.GetValue(concurrencyOption);
const int Seed = 20261124;
const string Password = DemoAccountGenerator.Password;

var work = Directory.CreateTempSubdirectory("lingjing-collabbench-");
var logFile = Path.Combine(work.FullName, "server.log");
Console.WriteLine($"Collaboration benchmark on {database}; server log: {logFile}");
var clock = Stopwatch.StartNew();
var url = parsed.GetValue(urlOption);
// The rate limiter is off: this measures the matching path, not the limits on one account.
await using var server = url is null ? ServerProcess.Start(Path.GetFullPath(parsed.GetValue(serverOption)!), work.FullName, postgres, logFile, ["--Lingjing:RateLimits:Enabled=false"]) : null;
if (server is not null) await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(15));
var firstStart = clock.Elapsed.TotalSeconds;
Console.WriteLine($"Server ready (schema, demo zone, policies, twins, collaboration) after {firstStart:0.0} s");

Console.WriteLine("Rebuilding the demo collaboration plan and its ground truth ...");
var zone = new DemoZoneGenerator(Seed, DemoZoneGenerator.ReferenceYearOf(TimeProvider.System)).Generate();
var plan = DemoCollaborationPlan.Build(Seed,
    [.. zone.Enterprises.OrderBy(e => e.Id).Select(e => new DemoCollaborationPlan.Member(Party.Enterprise(e.Id), e.ParkId, e.Category, e.NameZh))],
    [.. zone.Institutions.OrderBy(i => i.Id).Select(i => new DemoCollaborationPlan.Member(Party.Institution(i.Id), i.ParkId, i.ServiceType, i.NameZh))],
    DateTime.UtcNow);
Console.WriteLine($"  {plan.Summary()}");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false }) { BaseAddress = server?.BaseAddress ?? new Uri(url!), Timeout = TimeSpan.FromMinutes(2) };
var client = new CollaborationClient(http);
var gov = await CollaborationClient.SignInAsync(http, DemoAccountGenerator.GovernmentEmail, Password);
var (check, _) = await client.GetAsync(gov, "api/v1/collaboration/needs/1");
if (check.GetProperty("need").GetProperty("title").GetString() != plan.Needs[0].Title)
    throw new InvalidOperationException("The server's demo collaboration is not the plan rebuilt here (another seed or generator?).");

// Cold: the first request builds the candidate index (every enterprise, institution and offer, their words split).
var random = new Random(7);
var needIds = Enumerable.Range(0, requests).Select(_ => plan.Needs[random.Next(plan.Needs.Count)].Id).ToList();
var (_, coldMatches) = await client.GetAsync(gov, $"api/v1/collaboration/needs/{needIds[0]}/matches");
var feedAccounts = Enumerable.Range(1, 100).Select(DemoAccountGenerator.EnterpriseAdminEmail)
    .Concat(Enumerable.Range(1, 20).Select(DemoAccountGenerator.InstitutionStaffEmail)).ToList();
var feedTokens = new List<string>();
foreach (var email in feedAccounts) feedTokens.Add(await CollaborationClient.SignInAsync(http, email, Password));
var (_, coldFeed) = await client.GetAsync(feedTokens[0], "api/v1/collaboration/feed");
Console.WriteLine($"Cold: first matches {coldMatches:0} ms, first feed {coldFeed:0} ms");

var sequential = new List<double>();
foreach (var id in needIds) sequential.Add((await client.GetAsync(gov, $"api/v1/collaboration/needs/{id}/matches")).Milliseconds);
var concurrent = new List<double>();
var concurrentClock = Stopwatch.StartNew();
await Parallel.ForEachAsync(needIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) =>
{
    var ms = (await client.GetAsync(gov, $"api/v1/collaboration/needs/{id}/matches")).Milliseconds;
    lock (concurrent) concurrent.Add(ms);
});
var concurrentPerSecond = Math.Round(needIds.Count / concurrentClock.Elapsed.TotalSeconds, 1);
var feed = new List<double>();
for (var i = 0; i < requests; i++) feed.Add((await client.GetAsync(feedTokens[i % feedTokens.Count], "api/v1/collaboration/feed")).Milliseconds);
var matchesLatency = Percentiles.Of(sequential);
var concurrentLatency = Percentiles.Of(concurrent);
var feedLatency = Percentiles.Of(feed);
Console.WriteLine($"Matches, one at a time:   p50 {matchesLatency.P50Ms} ms  p95 {matchesLatency.P95Ms} ms  p99 {matchesLatency.P99Ms} ms");
Console.WriteLine($"Matches, {concurrency} at once:       p50 {concurrentLatency.P50Ms} ms  p95 {concurrentLatency.P95Ms} ms  p99 {concurrentLatency.P99Ms} ms  ({concurrentPerSecond} /s)");
Console.WriteLine($"Feed, {feedTokens.Count} accounts:      p50 {feedLatency.P50Ms} ms  p95 {feedLatency.P95Ms} ms  p99 {feedLatency.P99Ms} ms");

Console.WriteLine($"Quality over the first {parsed.GetValue(qualityOption)} needs that have good partners ...");
var matcher = new QualityScore();
var keyword = new QualityScore();
foreach (var need in plan.Needs.Where(n => plan.GoodPartners[n.Id].Count > 0).Take(parsed.GetValue(qualityOption)))
{
    var good = plan.GoodPartners[need.Id];
    matcher.Add(await client.MatchedPartnersAsync(gov, need.Id, 100), good);
    keyword.Add(await client.KeywordPartnersAsync(gov, need), good);
}
Console.WriteLine($"  matching:        precision@10 {matcher.PrecisionAt10:0.000}  recall@50 {matcher.RecallAt50:0.000}");
Console.WriteLine($"  keyword search:  precision@10 {keyword.PrecisionAt10:0.000}  recall@50 {keyword.RecallAt50:0.000}");

var result = new
{
    database,
    at = DateTime.UtcNow,
    cores = Environment.ProcessorCount,
    command = $"bench/collaboration.sh {database} (--requests {requests} --concurrency {concurrency} --quality-needs {parsed.GetValue(qualityOption)})",
    zone = new { enterprises = zone.Enterprises.Count, institutions = zone.Institutions.Count, collaboration = plan.Summary() },
    firstStartSeconds = Math.Round(firstStart, 1),
    coldMatchesMs = Math.Round(coldMatches, 1),
    coldFeedMs = Math.Round(coldFeed, 1),
    matches = matchesLatency,
    matchesConcurrent = new { concurrency, latency = concurrentLatency, perSecond = concurrentPerSecond },
    feed = new { accounts = feedTokens.Count, latency = feedLatency },
    quality = new
    {
        needs = matcher.Needs,
        matching = new { precisionAt10 = matcher.PrecisionAt10, recallAt50 = matcher.RecallAt50 },
        keywordSearch = new { precisionAt10 = keyword.PrecisionAt10, recallAt50 = keyword.RecallAt50 },
        precisionRatio = keyword.PrecisionAt10 > 0 ? Math.Round(matcher.PrecisionAt10 / keyword.PrecisionAt10, 2) : (double?)null,
        recallRatio = keyword.RecallAt50 > 0 ? Math.Round(matcher.RecallAt50 / keyword.RecallAt50, 2) : (double?)null,
    },
    serverExitCode = server?.ExitCode,
};
if (server is null) return; // a server measured as it is: nothing written
Directory.CreateDirectory(parsed.GetValue(resultsOption)!);
var path = Path.Combine(parsed.GetValue(resultsOption)!, $"collaboration-{database}.json");
await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
Console.WriteLine($"Written {path}");
await server.StopAsync();
work.Delete(recursive: true);
