using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lingjing.Bench.Shared;
using Lingjing.Bench.SignIn;

// Sign-in timing (issue 11): does a failed sign-in tell an unknown email, a wrong password and a locked
// account apart by its answer or its time? Sequential POST /api/v1/auth/token requests, the four kinds
// interleaved, against the real server on the demo zone; a successful sign-in is the baseline of the same run.
// Usage: dotnet run --project bench/Lingjing.Bench.SignIn -c Release -- [--server path/to/Lingjing.Server.dll]
//        [--samples 200] [--results bench/results]
var serverOption = CommandLines.Option("--server", "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll", "the server to start");
var samplesOption = CommandLines.Option("--samples", 200, "sign-ins per kind, at most 250 (the demo zone's accounts)").AtLeast(1);
var resultsOption = CommandLines.Option("--results", "bench/results", "where sign-in.json goes");
if (CommandLines.Parse(new RootCommand("Sign-in timing: does a failed sign-in tell its kinds apart by its answer or its time?")
        { serverOption, samplesOption, resultsOption }, args) is not { } parsed)
    return Environment.ExitCode;
var serverDll = Path.GetFullPath(parsed.GetValue(serverOption)!);
var samples = Math.Min(parsed.GetValue(samplesOption), 250); // the demo zone has the accounts for 250 plus warm-up
var results = parsed.GetValue(resultsOption)!;
var work = Directory.CreateTempSubdirectory("lingjing-bench-signin-");
Console.WriteLine($"Sign-in timing, {samples} samples per kind; server log: {work.FullName}/server.log");

// Every request names its own client address (the loopback is a trusted proxy here), and each wrong password
// goes to another account, so the per-address and per-account throttles never answer 429 in place of 401.
await using var server = ServerProcess.Start(serverDll, work.FullName, postgres: null, Path.Combine(work.FullName, "server.log"),
[
    "--Lingjing:ForwardedHeaders:KnownProxies:0=127.0.0.1",
    "--Lingjing:RateLimits:Writes:PermitLimit=1000000",
]);
await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

const string password = "Demo#2026", domain = "@demo.lingjing.local";
var lockedAccounts = Enumerable.Range(1, 40).Select(i => $"user{i:0000}{domain}").ToList();
await LockAsync(client, lockedAccounts);

var kinds = new SignInKind[]
{
    new("success", i => ($"user{1000 + i:0000}{domain}", password), 200),
    new("unknown email", i => ($"nobody{i}{domain}", password), 401),
    new("wrong password", i => ($"user{1300 + i:0000}{domain}", "Wrong#Guess1"), 401),
    new("locked account", i => (lockedAccounts[i % lockedAccounts.Count], password), 401),
};
var warmUp = 20;
var times = kinds.ToDictionary(k => k.Name, _ => new List<double>());
var bodies = kinds.ToDictionary(k => k.Name, _ => new HashSet<string>());
var address = 0;
for (var i = 0; i < warmUp + samples; i++)
{
    foreach (var kind in kinds)
    {
        var (email, secret) = kind.Credentials(i);
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/token") { Content = JsonContent.Create(new { email, password = secret }) };
        request.Headers.Add("X-Forwarded-For", $"10.{++address / 65536 % 256}.{address / 256 % 256}.{address % 256}");
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if ((int)response.StatusCode != kind.ExpectedStatus)
            throw new InvalidOperationException($"{kind.Name} ({email}) answered {(int)response.StatusCode}, not {kind.ExpectedStatus}: {body}");
        if (i < warmUp) continue;
        times[kind.Name].Add(clock.Elapsed.TotalMilliseconds);
        if (kind.ExpectedStatus != 200) bodies[kind.Name].Add(WithoutTraceId(body));
    }
}

var summary = kinds.Select(k => KindSummary.Of(k.Name, times[k.Name])).ToList();
var failures = summary.Where(s => s.Kind != "success").ToList();
var spread = failures.Max(s => s.MedianMs) / failures.Min(s => s.MedianMs) - 1;
var sameBody = bodies.Where(b => b.Key != "success").SelectMany(b => b.Value).Distinct().Count() == 1;
var result = new SignInResult(DateTime.UtcNow, Environment.ProcessorCount, samples, summary, Math.Round(spread * 100, 1), sameBody);
foreach (var s in summary)
    Console.WriteLine($"{s.Kind,-16} median {s.MedianMs,7:0.0} ms   p95 {s.P95Ms,7:0.0} ms   ×{s.MedianMs / summary[0].MedianMs:0.00} of a success");
Console.WriteLine($"Medians of the three failures within {result.MedianSpreadPercent} % of each other; one body for all three: {sameBody}");
Directory.CreateDirectory(results);
var file = Path.Combine(results, "sign-in.json");
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
Console.WriteLine($"Written {file}");
return spread <= 0.2 && sameBody ? 0 : 1;

static string WithoutTraceId(string body)
{
    var json = JsonNode.Parse(body)!.AsObject();
    json.Remove("traceId");
    return json.ToJsonString();
}

// Locks the accounts through the government's staff API, as an administrator would.
static async Task LockAsync(HttpClient client, IEnumerable<string> emails)
{
    var token = await client.PostAsJsonAsync("api/v1/auth/token", new { email = "gov@demo.lingjing.local", password = "Demo#2026" });
    token.EnsureSuccessStatusCode();
    using var admin = new HttpClient { BaseAddress = client.BaseAddress };
    admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
    foreach (var email in emails)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"api/v1/staff-accounts?q={Uri.EscapeDataString(email)}");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();
        (await admin.PostAsync($"api/v1/staff-accounts/{id}/lock", null)).EnsureSuccessStatusCode();
    }
}
