using System.Globalization;
using System.Text.Json;
using Lingjing.Bench.Media;
using Lingjing.Bench.Shared;

// Voice, video and drawing, measured in headless Chromium against the real server (Release, SQLite, demo zone):
// mouth-to-ear latency peer-to-peer and through Janus, a Janus room growing until the machine saturates, the first
// frame of the largest park, frame time with a crowd in view, and an event hall's stage heard by a growing audience.
// See bench/README.md.
if (MediaBenchOptions.Parse(args) is not { } options) return Environment.ExitCode;
Directory.CreateDirectory(options.DataDirectory);
var log = Path.Combine(options.DataDirectory, "server.log");
var report = new Dictionary<string, object?>
{
    ["measuredAt"] = DateTimeOffset.UtcNow,
    ["machine"] = new { cores = Environment.ProcessorCount, loadAverageAtStart = MachineLoad.LoadAverage(), chromium = "headless, software rendering (SwiftShader), fake media devices" },
};
bool Runs(string part) => options.Parts.Contains(part);
// Written after every part, so a part that fails keeps what the others measured.
async Task SaveAsync()
{
    report["loadAverageAtEnd"] = MachineLoad.LoadAverage();
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutFile))!);
    await File.WriteAllTextAsync(options.OutFile, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
}

// First the server as deployed with Janus beside it: small groups talk directly, larger ones through Janus.
await using (var server = await StartServerAsync(peerLimit: null))
{
    var parks = await ParkSize.ListAsync(server.BaseAddress, "gov@demo.lingjing.local");
    var largest = parks.MaxBy(p => p.Size)!;
    var smallest = parks.MinBy(p => p.Size)!;
    await using var browser = await BenchBrowser.LaunchAsync(server.BaseAddress);
    if (Runs("latency"))
    {
        Console.WriteLine("== mouth-to-ear latency");
        report["latencyFloor"] = await LatencyRun.FloorAsync(browser, options.Samples);
        report["latencyDirect"] = await LatencyRun.MeasureAsync(browser, $"/world/{smallest.Id}", "peer-to-peer", forwarded: false, options.Samples, (1901, 1902));
        await SaveAsync();
    }
    if (Runs("first-frame"))
    {
        Console.WriteLine("== first frame (cold visits)");
        var big = await FirstFrameRun.MeasureAsync(browser, largest, options.FirstFrameVisits, 1903);
        var small = await FirstFrameRun.MeasureAsync(browser, smallest, options.FirstFrameVisits, 1903);
        report["firstFrame"] = new { largest = big, smallest = small, ratio = Math.Round(big.FirstFrame.P50Ms / small.FirstFrame.P50Ms, 2) };
        await SaveAsync();
    }
    if (Runs("crowd"))
    {
        Console.WriteLine($"== frame time with {options.CrowdBots} avatars in view");
        report["crowd"] = await CrowdRun.MeasureAsync(browser, options, server.BaseAddress, largest);
        await SaveAsync();
    }
}

// Then a peer limit of 1: every group goes through Janus, from two people on.
if (options.Janus is not null && (Runs("latency") || Runs("capacity") || Runs("stage")))
{
    await using var server = await StartServerAsync(peerLimit: 1);
    var parks = await ParkSize.ListAsync(server.BaseAddress, "gov@demo.lingjing.local");
    var smallest = parks.MinBy(p => p.Size)!;
    await using var browser = await BenchBrowser.LaunchAsync(server.BaseAddress);
    if (Runs("latency"))
    {
        Console.WriteLine("== mouth-to-ear latency through Janus");
        report["latencyJanus"] = await LatencyRun.MeasureAsync(browser, $"/world/{smallest.Id}", "through Janus", forwarded: true, options.Samples, (1904, 1905));
        await SaveAsync();
    }
    if (Runs("capacity"))
    {
        Console.WriteLine("== a Janus room growing");
        report["janusRoom"] = await CapacityRun.MeasureAsync(browser, $"/world/{smallest.Id}", options.RoomSizes, options.MeasureSeconds, options.JanusPid, server.Id);
        await SaveAsync();
    }
    if (Runs("stage"))
    {
        Console.WriteLine("== an event hall's stage heard through Janus by a growing audience");
        report["stage"] = await StageRun.MeasureAsync(browser, server.BaseAddress, options.StageSizes, options.MeasureSeconds, options.JanusPid, server.Id);
        await SaveAsync();
    }
}
else if (options.Janus is null)
{
    Console.WriteLine("(no --janus: the parts through Janus are skipped)");
}

await SaveAsync();
Console.WriteLine($"Results: {options.OutFile}");
return 0;

async Task<ServerProcess> StartServerAsync(int? peerLimit)
{
    var arguments = new List<string>
    {
        // Everyone arrives within 3 m of the park's entrance: the people of a measurement stand within hearing and view.
        "--Lingjing:World:SpawnScatterCm=300",
    };
    if (options.Janus is not null)
    {
        arguments.Add($"--Lingjing:Media:Janus={options.Janus}");
        arguments.Add($"--Lingjing:Media:JanusApiSecret={options.JanusSecret}");
        arguments.Add($"--Lingjing:Media:JanusAdminKey={options.JanusAdminKey}");
    }
    if (peerLimit is { } limit) arguments.Add("--Lingjing:Media:PeerLimit=" + limit.ToString(CultureInfo.InvariantCulture));
    var server = ServerProcess.Start(options.ServerDll, Path.Combine(options.DataDirectory, "data"), postgres: null, log, arguments);
    await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
    return server;
}
