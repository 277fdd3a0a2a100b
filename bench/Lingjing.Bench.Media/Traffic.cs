using System.Text.Json;
using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>One page's media counters at a moment (probe.js <c>traffic()</c>: sums over its peer connections).</summary>
public sealed record Traffic(
    long InAudio,
    long InVideo,
    long OutAudio,
    long OutVideo,
    long FramesDecoded,
    long FramesEncoded,
    long PacketsLost,
    double JitterDelay,
    long JitterEmitted)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<Traffic> ReadAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("() => window.benchProbe.traffic()")).Deserialize<Traffic>(Web)!;

    /// <summary>Kilobits per second between two readings.</summary>
    public static double Kbps(long bytesBefore, long bytesAfter, double seconds) => Math.Round((bytesAfter - bytesBefore) * 8 / 1000.0 / seconds, 1);

    /// <summary>The received audio's average jitter-buffer delay (ms) between two readings.</summary>
    public static double JitterBufferMs(Traffic before, Traffic after) =>
        after.JitterEmitted == before.JitterEmitted ? 0 : Math.Round(1000 * (after.JitterDelay - before.JitterDelay) / (after.JitterEmitted - before.JitterEmitted), 1);
}
