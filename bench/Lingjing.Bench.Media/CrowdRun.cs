using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>The page's own frame figures (window.lingjingWorld.frameStats()) over a batch of frames.</summary>
public sealed record FrameFigures(int Frames, double IntervalP50, double IntervalP95, double RenderP50, double RenderP95, int AvatarsInView);

public sealed record CrowdResult(string Park, int Bots, FrameFigures Alone, FrameFigures Crowd, double RenderP50Ratio, List<CpuProfile.Hotspot>? Hotspots);

/// <summary>
/// Frame time in a park with nobody else in view (the baseline), then with the load tool's bots walking around the
/// spawn point where the page stands: both read from the page's own statistics over 240 frames drawn back to back,
/// with graphics pinned to sharp at 1280x720 under software rendering (no GPU here).
/// </summary>
public static class CrowdRun
{
    private const int Frames = 240;
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 720 };

    public static async Task<CrowdResult> MeasureAsync(BenchBrowser browser, MediaBenchOptions options, Uri server, ParkSize park)
    {
        var page = await browser.EnterAsync(BenchBrowser.Employee(1998), $"/world/{park.Id}", Laptop);
        try
        {
            await BenchBrowser.ChooseGraphicsAsync(page, "sharp");
            var alone = await FiguresAsync(page);
            using var bots = StartBots(options, server, park);
            await page.WaitForFunctionAsync($"() => window.lingjingWorld.remotes().length >= {options.CrowdBots * 9 / 10}", null,
                new() { Timeout = 300_000, PollingInterval = 1000 });
            FrameFigures crowd = null!;
            List<CpuProfile.Hotspot>? hotspots = null;
            if (options.Profile)
            {
                var file = Path.Combine(options.DataDirectory, "crowd.cpuprofile");
                hotspots = await CpuProfile.RecordAsync(page, async () => crowd = await FiguresAsync(page), file);
                Console.WriteLine($"  profile: {file}; most self time:");
                foreach (var spot in hotspots) Console.WriteLine($"    {spot.SelfMs,8} ms {spot.Percent,5} %  {spot.Function} {spot.Source}");
            }
            else
            {
                crowd = await FiguresAsync(page);
            }
            bots.Kill(entireProcessTree: true);
            var ratio = alone.RenderP50 == 0 ? 0 : Math.Round(crowd.RenderP50 / alone.RenderP50, 2);
            Console.WriteLine($"  alone: render p50 {alone.RenderP50} ms, interval p50 {alone.IntervalP50} ms; {crowd.AvatarsInView} avatars in view: " +
                              $"render p50 {crowd.RenderP50} ms (p95 {crowd.RenderP95}), interval p50 {crowd.IntervalP50} ms; ratio {ratio}");
            return new CrowdResult(park.Name, options.CrowdBots, alone, crowd, ratio, hotspots);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<FrameFigures> FiguresAsync(IPage page)
    {
        await page.EvaluateAsync($"() => window.lingjingWorld.rendered({Frames})");
        var figures = await page.EvaluateAsync<JsonElement>("() => ({ ...window.lingjingWorld.frameStats(), inView: window.lingjingWorld.remotes().length })");
        return new FrameFigures(figures.GetProperty("frames").GetInt32(), figures.GetProperty("intervalP50").GetDouble(), figures.GetProperty("intervalP95").GetDouble(),
            figures.GetProperty("renderP50").GetDouble(), figures.GetProperty("renderP95").GetDouble(), figures.GetProperty("inView").GetInt32());
    }

    /// <summary>The load tool walking the bots in the park's world for as long as the measurement may take.</summary>
    private static Process StartBots(MediaBenchOptions options, Uri server, ParkSize park)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     options.BotsDll, "--url", server.ToString().TrimEnd('/'), "--bots", options.CrowdBots.ToString(CultureInfo.InvariantCulture),
                     "--world", $"park-{park.Id}", "--duration", "600", "--warmup", "0", "--observers", "0", "--quiet",
                     "--tokens", Path.Combine(options.DataDirectory, "bot-tokens.json"),
                 })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the load tool.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  bots: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
