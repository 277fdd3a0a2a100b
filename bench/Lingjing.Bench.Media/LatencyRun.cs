using System.Text.Json;
using Lingjing.Bench.Shared;
using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>Mouth-to-ear latency of one path: the tone switched on in one page until its onset is heard in the other.</summary>
public sealed record LatencyResult(string Path, int Sent, int Heard, Percentiles Milliseconds, double JitterBufferMs,
    double SentAudioKbps, double SentVideoKbps);

/// <summary>
/// Two people stand together in a world with their microphones on; one switches the tone on for 250 ms, about once a
/// second; the other's probe records when sound starts in the track it receives. Both pages share the machine's clock.
/// The figure covers capture, encoding, the network path (loopback, or Janus), the jitter buffer and decoding; not a
/// loudspeaker's own output latency. Afterwards both turn their cameras on and the sender's bitrates are read.
/// </summary>
public static class LatencyRun
{
    private static readonly ViewportSize Small = new() { Width = 480, Height = 300 };

    public static async Task<LatencyResult> MeasureAsync(BenchBrowser browser, string path, string label, bool forwarded, int samples, (int Sender, int Receiver) accounts)
    {
        var sender = await browser.EnterAsync(BenchBrowser.Employee(accounts.Sender), path, Small);
        var receiver = await browser.EnterAsync(BenchBrowser.Employee(accounts.Receiver), path, Small);
        try
        {
            await sender.GetByTestId("media-mic").ClickAsync();
            await receiver.GetByTestId("media-mic").ClickAsync();
            var via = forwarded ? "forwarder" : "direct";
            await sender.WaitForFunctionAsync($"() => window.lingjingWorld.media().peers.some(p => p.via === '{via}' && p.state === 'connected')");
            await receiver.WaitForFunctionAsync("() => window.benchProbe.listening > 0");
            var before = await Traffic.ReadAsync(receiver);
            var latencies = await ToneBurstsAsync(sender, receiver, samples);
            var after = await Traffic.ReadAsync(receiver);
            var (audioKbps, videoKbps) = await SentBitratesAsync(sender, receiver);
            Console.WriteLine($"  {label}: {latencies.Count}/{samples} heard, p50 {Percentiles.Of(latencies).P50Ms} ms, p99 {Percentiles.Of(latencies).P99Ms} ms; sends audio {audioKbps} kbit/s, camera {videoKbps} kbit/s");
            return new LatencyResult(label, samples, latencies.Count, Percentiles.Of(latencies), Traffic.JitterBufferMs(before, after), audioKbps, videoKbps);
        }
        finally
        {
            await sender.Context.CloseAsync();
            await receiver.Context.CloseAsync();
        }
    }

    /// <summary>The floor of the method: the tone heard straight from the page's own microphone track, no network.</summary>
    public static async Task<LatencyResult> FloorAsync(BenchBrowser browser, int samples)
    {
        var page = await browser.SignInAsync(BenchBrowser.Employee(1999), Small);
        try
        {
            await page.EvaluateAsync("async () => { const s = await navigator.mediaDevices.getUserMedia({ audio: true }); window.benchProbe.listen(s.getAudioTracks()[0]); }");
            var latencies = await ToneBurstsAsync(page, page, samples);
            Console.WriteLine($"  floor (no network): p50 {Percentiles.Of(latencies).P50Ms} ms, p99 {Percentiles.Of(latencies).P99Ms} ms");
            return new LatencyResult("floor: the page's own track", samples, latencies.Count, Percentiles.Of(latencies), 0, 0, 0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<List<double>> ToneBurstsAsync(IPage sender, IPage receiver, int samples)
    {
        var random = new Random(26);
        var sentAt = new List<double>();
        for (var i = 0; i < samples + 2; i++) // the first two warm the path up
        {
            var at = await sender.EvaluateAsync<double>("() => window.benchProbe.tone(true)");
            if (i >= 2) sentAt.Add(at);
            await Task.Delay(250);
            await sender.EvaluateAsync("() => window.benchProbe.tone(false)");
            // Silence long enough for the burst to have arrived, and a random part so bursts do not line up with packets.
            await Task.Delay(650 + random.Next(200));
        }
        await Task.Delay(1000);
        var onsets = (await receiver.EvaluateAsync<JsonElement>("() => window.benchProbe.onsets")).EnumerateArray().Select(o => o.GetDouble()).Order().ToList();
        var latencies = new List<double>();
        for (var i = 0; i < sentAt.Count; i++)
        {
            var next = i + 1 < sentAt.Count ? sentAt[i + 1] : double.MaxValue;
            var heard = onsets.FirstOrDefault(o => o >= sentAt[i] - 5 && o < next, double.NaN);
            if (!double.IsNaN(heard)) latencies.Add(Math.Max(0, heard - sentAt[i]));
        }
        return latencies;
    }

    /// <summary>Both cameras on and the tone held: what the sender sends per stream, over 10 s.</summary>
    private static async Task<(double Audio, double Video)> SentBitratesAsync(IPage sender, IPage receiver)
    {
        await sender.GetByTestId("media-camera").ClickAsync();
        await receiver.GetByTestId("media-camera").ClickAsync();
        await sender.EvaluateAsync("() => window.benchProbe.tone(true)");
        await Task.Delay(TimeSpan.FromSeconds(8)); // the encoder ramps up to its cap
        var before = await Traffic.ReadAsync(sender);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var after = await Traffic.ReadAsync(sender);
        await sender.EvaluateAsync("() => window.benchProbe.tone(false)");
        return (Traffic.Kbps(before.OutAudio, after.OutAudio, 10), Traffic.Kbps(before.OutVideo, after.OutVideo, 10));
    }
}
