using System.Diagnostics;
using Lingjing.Bench.Shared;
using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>One size of a Janus room: everyone's microphone (the tone, held on) and camera on.</summary>
/// <param name="Connected">Whether every person received every other within the time allowed.</param>
/// <param name="ReceivedKbpsPerPerson">Audio and video received by one person (average over the room).</param>
/// <param name="DecodedFpsPerStream">Video frames decoded per second per received camera: falls when the machine saturates.</param>
/// <param name="Reconnected">People whose connections started over during the measurement (left out of the averages).</param>
public sealed record RoomSize(int People, bool Connected, int Reconnected, double JanusCpuPercent, double ServerCpuPercent, double MachineBusyPercent,
    double ReceivedKbpsPerPerson, double SentKbpsPerPerson, double JanusOutKbps, double DecodedFpsPerStream, double EncodedFpsPerPerson, long PacketsLost);

/// <summary>
/// A room through Janus (the server's peer limit is 1, so every group is forwarded) grows person by person; at each
/// size every page sends a held tone and its fake camera, and the run measures Janus's CPU, the server's, the whole
/// machine's, and what each person sends and receives. Every person is a headless Chromium page on the same
/// 2 cores, so the browsers' own decoding is inside the figures, as it would be on a laptop in the room.
/// </summary>
public static class CapacityRun
{
    private static readonly ViewportSize Small = new() { Width = 480, Height = 300 };

    public static async Task<List<RoomSize>> MeasureAsync(BenchBrowser browser, string path, IReadOnlyList<int> sizes, int seconds, int? janusPid, int serverPid)
    {
        var pages = new List<IPage>();
        var results = new List<RoomSize>();
        try
        {
            foreach (var size in sizes)
            {
                if (!await GrowAsync(browser, path, pages, size))
                {
                    Console.WriteLine($"  {size} people: a page could not even open the world on the saturated machine; stopped at {pages.Count}");
                    break;
                }
                var connected = await AllConnectedAsync(pages, size);
                await Task.Delay(TimeSpan.FromSeconds(5)); // the encoders ramp up
                var result = await MeasureRoomAsync(pages, connected, seconds, janusPid, serverPid);
                results.Add(result);
                Console.WriteLine($"  {size} people{(connected ? "" : " (not all connected)")}{(result.Reconnected > 0 ? $", {result.Reconnected} reconnected" : "")}: Janus {result.JanusCpuPercent} % CPU, machine {result.MachineBusyPercent} % busy, " +
                                  $"{result.ReceivedKbpsPerPerson} kbit/s received per person, {result.DecodedFpsPerStream} frames/s per camera");
                if (!connected) break; // past saturation: larger rooms would say nothing more
            }
        }
        finally
        {
            foreach (var page in pages) await page.Context.CloseAsync();
        }
        return results;
    }

    /// <summary>Adds people until the room has <paramref name="size"/>: each enters, draws light, turns on the tone and the camera.
    /// False when one could not open the world at all.</summary>
    private static async Task<bool> GrowAsync(BenchBrowser browser, string path, List<IPage> pages, int size)
    {
        while (pages.Count < size)
        {
            IPage page;
            try
            {
                page = await browser.EnterAsync(BenchBrowser.Employee(1900 + pages.Count), path, Small);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                return false;
            }
            await BenchBrowser.ChooseGraphicsAsync(page, "light"); // each page draws a quarter of the pixels
            await page.GetByTestId("media-mic").ClickAsync();
            await page.GetByTestId("media-camera").ClickAsync();
            await page.EvaluateAsync("() => window.benchProbe.tone(true)");
            pages.Add(page);
        }
        return true;
    }

    private static async Task<bool> AllConnectedAsync(List<IPage> pages, int size)
    {
        try
        {
            foreach (var page in pages)
                await page.WaitForFunctionAsync(
                    $"() => window.lingjingWorld.media().peers.filter(p => p.via === 'forwarder' && p.state === 'connected').length >= {size - 1}",
                    null, new() { Timeout = 120_000, PollingInterval = 500 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task<RoomSize> MeasureRoomAsync(List<IPage> pages, bool connected, int seconds, int? janusPid, int serverPid)
    {
        var before = new List<Traffic>();
        foreach (var page in pages) before.Add(await Traffic.ReadAsync(page));
        // CPU over the same span as the counters: reading eight pages' statistics on a saturated machine takes seconds.
        var span = CpuSpan.Start(janusPid, serverPid);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var after = new List<Traffic>();
        foreach (var page in pages) after.Add(await Traffic.ReadAsync(page));
        var (elapsed, janus, server, machine) = span.Stop();

        // A page whose counters went back reconnected in between (a new connection counts from zero): left out of the averages.
        var steady = before.Zip(after).Where(p => p.Second.InAudio >= p.First.InAudio && p.Second.InVideo >= p.First.InVideo
                                                   && p.Second.OutAudio >= p.First.OutAudio && p.Second.OutVideo >= p.First.OutVideo).ToList();
        var people = pages.Count;
        double Average(Func<Traffic, Traffic, double> each) => steady.Count == 0 ? 0 : Math.Round(steady.Average(p => each(p.First, p.Second)), 1);
        var received = Average((b, a) => Traffic.Kbps(b.InAudio + b.InVideo, a.InAudio + a.InVideo, elapsed));
        var sent = Average((b, a) => Traffic.Kbps(b.OutAudio + b.OutVideo, a.OutAudio + a.OutVideo, elapsed));
        var decodedPerStream = Average((b, a) => (a.FramesDecoded - b.FramesDecoded) / elapsed / Math.Max(1, people - 1));
        var encoded = Average((b, a) => (a.FramesEncoded - b.FramesEncoded) / elapsed);
        return new RoomSize(people, connected, people - steady.Count, janus, server, machine, received, sent, Math.Round(received * people, 1), Math.Round(decodedPerStream, 1),
            encoded, steady.Sum(p => p.Second.PacketsLost - p.First.PacketsLost));
    }
}
