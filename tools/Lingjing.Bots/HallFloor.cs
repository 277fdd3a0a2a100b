using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Lingjing.Bots;

/// <summary>
/// The event's floor as its audience follows it: listeners read <c>/api/v1/events/{id}/floor/stream</c> (server-sent
/// events), and every <see cref="BotOptions.QuestionEverySeconds"/> another bot asks a question; the time from asking
/// until a listener's "floor" event lists it is the update's latency (all in this process, one clock).
/// </summary>
public sealed class HallFloor(BotOptions options, HallRun hall) : IDisposable
{
    public void Dispose() => _http.Dispose();

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
    // Question k was asked at _askedAt[k] (0 until asked); listeners look for "bench-q{k}:" in the floor's data.
    private readonly long[] _askedAt = new long[100_000];
    private int _asked;
    private volatile bool _measuring;
    private int _listening;

    public LatencyHistogram Latency { get; } = new();
    public int Listening => Volatile.Read(ref _listening);
    public int Asked => Volatile.Read(ref _asked);

    /// <summary>Opens a stream for each of the first <see cref="BotOptions.FloorListeners"/> bots after the speaker.</summary>
    public void Listen(string[] tokens, CancellationToken ct)
    {
        for (var i = 1; i <= Math.Min(options.FloorListeners, tokens.Length - 1); i++)
        {
            var bot = i;
            _ = Task.Run(() => FollowAsync(hall.NodeOf(bot), tokens[bot], ct), ct);
        }
    }

    public void BeginMeasuring()
    {
        Latency.Reset();
        _measuring = true;
    }

    public void EndMeasuring() => _measuring = false;

    /// <summary>Asks a question every interval, each by the next bot, until cancelled.</summary>
    public async Task AskAsync(string[] tokens, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.QuestionEverySeconds));
        var asker = 1;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var k = Interlocked.Increment(ref _asked);
                if (k >= _askedAt.Length) return;
                asker = asker % (tokens.Length - 1) + 1;
                Volatile.Write(ref _askedAt[k], Stopwatch.GetTimestamp());
                try
                {
                    await hall.AskAsync(tokens[asker], hall.NodeOf(asker), string.Create(CultureInfo.InvariantCulture, $"bench-q{k}: how will the recording be shared?"), ct);
                }
                catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
                {
                    Console.Error.WriteLine(ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FollowAsync(Uri node, string token, CancellationToken ct)
    {
        var next = Math.Max(1, Asked + 1); // questions asked before this listener connected are not its to time
        var counted = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, $"/api/v1/events/{hall.EventId}/floor/stream"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref _listening);
            counted = true;
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            var floor = false;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal)) floor = line.AsSpan(6).Trim().SequenceEqual("floor");
                else if (floor && line.StartsWith("data:", StringComparison.Ordinal))
                {
                    var now = Stopwatch.GetTimestamp();
                    while (next <= Asked && line.Contains(string.Create(CultureInfo.InvariantCulture, $"bench-q{next}:"), StringComparison.Ordinal))
                    {
                        if (_measuring && Volatile.Read(ref _askedAt[next]) is var asked and > 0)
                            Latency.Record(Stopwatch.GetElapsedTime(asked, now).TotalMilliseconds);
                        next++;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
        }
        finally
        {
            if (counted) Interlocked.Decrement(ref _listening);
        }
    }
}
