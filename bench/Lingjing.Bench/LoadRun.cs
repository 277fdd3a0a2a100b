using System.Diagnostics;

namespace Lingjing.Bench;

/// <summary>Sends requests at a fixed concurrency (each worker sends its next request when the last
/// one completed) and records every request's latency.</summary>
public static class LoadRun
{
    public sealed record Sample(string Kind, double Milliseconds, int Status);

    public static async Task<IReadOnlyList<Sample>> RunAsync(HttpClient client, IReadOnlyList<(string Kind, string Url)> requests, int concurrency)
    {
        var samples = new Sample[requests.Count];
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests.Count)
            {
                var (kind, url) = requests[index];
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                await response.Content.LoadIntoBufferAsync();
                samples[index] = new Sample(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return samples;
    }
}
