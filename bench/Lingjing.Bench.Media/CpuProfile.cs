using System.Text.Json;
using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>The page's JavaScript CPU profile (Chrome DevTools Protocol) over some work: where the main thread's time goes.</summary>
public static class CpuProfile
{
    public sealed record Hotspot(string Function, string Source, double SelfMs, double Percent);

    /// <summary>Runs the work under the profiler; writes the profile (.cpuprofile, opens in Chrome DevTools) and returns the
    /// functions with the most self time.</summary>
    public static async Task<List<Hotspot>> RecordAsync(IPage page, Func<Task> work, string file, int top = 15)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Profiler.enable");
        await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 200 });
        await cdp.SendAsync("Profiler.start");
        await work();
        var stopped = await cdp.SendAsync("Profiler.stop");
        var profile = stopped!.Value.GetProperty("profile");
        await File.WriteAllTextAsync(file, profile.GetRawText());
        return Hotspots(profile, top);
    }

    private static List<Hotspot> Hotspots(JsonElement profile, int top)
    {
        var names = new Dictionary<int, (string Function, string Source)>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var frame = node.GetProperty("callFrame");
            var function = frame.GetProperty("functionName").GetString() is { Length: > 0 } f ? f : "(anonymous)";
            var url = frame.GetProperty("url").GetString() ?? "";
            var source = url.Length == 0 ? "" : $"{url[(url.LastIndexOf('/') + 1)..]}:{frame.GetProperty("lineNumber").GetInt32() + 1}";
            names[node.GetProperty("id").GetInt32()] = (function, source);
        }
        var self = new Dictionary<(string, string), double>();
        var samples = profile.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()).ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetDouble() / 1000).ToList();
        for (var i = 1; i < samples.Count; i++) // each sample's time is the delta to the next one
        {
            var key = names[samples[i - 1]];
            self[key] = self.GetValueOrDefault(key) + deltas[i];
        }
        // The browser's own time outside JavaScript ("(program)", "(idle)") is not the page's work: left out of the list and the share.
        var scripts = self.Where(s => s.Key.Item1 is not "(idle)" and not "(program)").ToList();
        var busy = scripts.Sum(s => s.Value);
        return scripts.OrderByDescending(s => s.Value).Take(top)
            .Select(s => new Hotspot(s.Key.Item1, s.Key.Item2, Math.Round(s.Value, 1), busy == 0 ? 0 : Math.Round(100 * s.Value / busy, 1))).ToList();
    }
}
