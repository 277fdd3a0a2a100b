using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Lingjing.Bots;

/// <summary>
/// All bots of one run: connects them, walks them from one scheduler thread (10 inputs a second per
/// moving bot, spread over a window so they do not arrive in one burst) and collects the measurements.
/// </summary>
public sealed class BotSwarm(BotOptions options)
{
    private const double InputPeriodMs = 100;
    private readonly ConcurrentDictionary<uint, MoveLog> _moves = new();
    private readonly List<Bot> _bots = new();
    private long _lastServerTimeMs;
    private volatile bool _measuring;
    private volatile bool _stopping;

    public LatencyHistogram Latency { get; } = new();
    public LatencyHistogram NearLatency { get; } = new();
    public LatencyHistogram Delivery { get; } = new();
    /// <summary>Moves seen by a watcher connected to another node than the mover (the top byte of an avatar id names its node).</summary>
    public LatencyHistogram CrossNodeLatency { get; } = new();
    public LatencyHistogram SameNodeLatency { get; } = new();
    /// <summary>Moves seen by a watcher in another world than the mover's (a hall's instance showing another's stage).</summary>
    public LatencyHistogram OtherWorldLatency { get; } = new();
    public LatencyHistogram SameWorldLatency { get; } = new();
    /// <summary>The avatar on a hall's stage (bot 0 with --hall), 0 otherwise.</summary>
    public uint SpeakerId { get; private set; }
    public IReadOnlyList<Bot> Bots => _bots;
    public bool Stopping => _stopping;
    public WalkPlan? Plan { get; private set; }
    public int Welcomes => _moves.Count;

    internal void Welcomed(Bot bot)
    {
        _moves[bot.AvatarId] = bot.Moves;
        _worlds[bot.AvatarId] = bot.World;
        if (options.Hall && bot.Index == 0) SpeakerId = bot.AvatarId;
    }

    private readonly ConcurrentDictionary<uint, string> _worlds = new();

    /// <summary>The world a bot's avatar is in, if it is one of ours.</summary>
    internal string? WorldOf(uint avatarId) => _worlds.TryGetValue(avatarId, out var world) ? world : null;
    internal MoveLog? MovesOf(uint avatarId) => _moves.TryGetValue(avatarId, out var log) ? log : null;

    internal void ServerTime(ulong serverTimeMs, bool observer)
    {
        Interlocked.Exchange(ref _lastServerTimeMs, (long)serverTimeMs);
        if (observer && _measuring) Delivery.Record(UnixMs() - serverTimeMs);
    }

    /// <param name="crossNode">The mover is connected to another node of the cluster than the watcher.</param>
    /// <param name="otherWorld">The mover is in another world than the watcher (shown there by a shared stage).</param>
    internal void MoveSeen(double milliseconds, bool near, bool crossNode, bool otherWorld)
    {
        if (!_measuring) return;
        Latency.Record(milliseconds);
        if (near) NearLatency.Record(milliseconds);
        (crossNode ? CrossNodeLatency : SameNodeLatency).Record(milliseconds);
        (otherWorld ? OtherWorldLatency : SameWorldLatency).Record(milliseconds);
    }

    /// <param name="worlds">Each bot's world (a hall's instances), or null for <see cref="BotOptions.World"/>.</param>
    public async Task ConnectAsync(string[] tokens, Action<int> progress, CancellationToken cancellationToken, IReadOnlyList<string>? worlds = null)
    {
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        });
        // In a hall the observers are spread over the bots, so that every instance has some.
        var stride = options.Hall ? Math.Max(1, tokens.Length / Math.Max(1, options.Observers)) : 1;
        // Bot i connects to node i mod n: a stride that is a multiple of n would put every observer on one node.
        if (options.Nodes.Count > 1 && stride % options.Nodes.Count == 0) stride++;
        for (var i = 0; i < tokens.Length; i++)
            _bots.Add(new Bot(i, this, observer: options.Hall ? i % stride == 0 && i / stride < options.Observers : i < options.Observers) { Still = options.Hall && i > 0 });
        var next = -1;
        var connected = 0;
        var workers = Enumerable.Range(0, options.ConnectConcurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < _bots.Count)
            {
                try
                {
                    var node = options.Nodes.Count == 0 ? options.Url : options.Nodes[i % options.Nodes.Count];
                    await _bots[i].ConnectAsync(node, worlds?[i] ?? options.World, tokens[i], invoker, cancellationToken);
                }
                catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException or IOException)
                {
                    _bots[i].Error ??= "connect: " + ex.Message;
                }
                progress(Interlocked.Increment(ref connected));
            }
        }).ToList();
        await Task.WhenAll(workers);
        // Wait (briefly) for the Welcomes: they carry each bot's spawn point.
        var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (_bots.Count(b => b.Welcome is not null) < _bots.Count(b => b.Error is null) && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(100, cancellationToken);
    }

    public void PlanWalks()
    {
        var welcomed = _bots.Where(b => b.Welcome is not null).ToList();
        if (welcomed.Count == 0) throw new InvalidOperationException($"No bot was welcomed. First error: {FirstError()}");
        var bounds = welcomed[0].Welcome!.Bounds;
        if (options.Hall)
        {
            Plan = WalkPlan.Around(HallRun.StageCentre, HallRun.StageRadiusCm, HallRun.StageBounds);
            foreach (var bot in welcomed) bot.StartWalking(Plan);
            return;
        }
        var attractions = Math.Max(1, welcomed.Count / Math.Max(1, options.BotsPerAttraction));
        Plan = new WalkPlan(welcomed.Select(b => b.Spawn).ToList(), (bounds.MinX, bounds.MinZ, bounds.MaxX, bounds.MaxZ),
            attractions, options.AttractionRadiusM * 100, seed: 2026);
        foreach (var bot in welcomed) bot.StartWalking(Plan);
    }

    /// <summary>Runs the input scheduler on its own thread until the token is cancelled.</summary>
    public Thread StartWalking(CancellationToken stop)
    {
        var thread = new Thread(() => Walk(stop)) { IsBackground = true, Name = "bot inputs", Priority = ThreadPriority.AboveNormal };
        thread.Start();
        return thread;
    }

    private void Walk(CancellationToken stop)
    {
        var plan = Plan!;
        // Aligned: inputs leave 45..15 ms before the server's next tick, so they are applied at once.
        var windowMs = options.AlignToTick ? 30.0 : InputPeriodMs;
        const double chunkMs = 2;
        var chunks = (int)(windowMs / chunkMs);
        var windowStart = UnixMs();
        while (!stop.IsCancellationRequested)
        {
            windowStart = NextWindow(windowStart);
            for (var chunk = 0; chunk < chunks && !stop.IsCancellationRequested; chunk++)
            {
                SleepUntil(windowStart + chunk * chunkMs);
                var now = Stopwatch.GetTimestamp();
                for (var i = chunk; i < _bots.Count; i += chunks) _bots[i].Step(plan, InputPeriodMs / 1000, now);
            }
        }
    }

    private double NextWindow(double previous)
    {
        var next = previous + InputPeriodMs;
        var serverTime = Interlocked.Read(ref _lastServerTimeMs);
        if (!options.AlignToTick || serverTime == 0) return Math.Max(next, UnixMs());
        // The tick after 'now' has the phase of the last snapshot's server time.
        var tickPeriod = 1000.0 / (_bots.FirstOrDefault(b => b.Welcome is not null)?.Welcome?.TickRateHz ?? 10);
        var phase = serverTime % tickPeriod;
        var now = UnixMs();
        var tick = Math.Floor((now - phase) / tickPeriod) * tickPeriod + phase + tickPeriod;
        var start = tick - 45;
        while (start < now - 1) start += tickPeriod;
        // Keep a 10 Hz input rate even if the server ticks faster.
        while (start < previous + InputPeriodMs - tickPeriod / 2) start += tickPeriod;
        return start;
    }

    private static void SleepUntil(double unixMs)
    {
        var wait = unixMs - UnixMs();
        if (wait > 1) Thread.Sleep((int)wait);
    }

    internal static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    public void BeginMeasuring()
    {
        Latency.Reset();
        NearLatency.Reset();
        CrossNodeLatency.Reset();
        SameNodeLatency.Reset();
        OtherWorldLatency.Reset();
        SameWorldLatency.Reset();
        foreach (var bot in _bots) Interlocked.Exchange(ref bot.StageMovesSeen, 0);
        Delivery.Reset();
        _measuring = true;
    }

    public void EndMeasuring() => _measuring = false;

    public void Stop()
    {
        _stopping = true;
        // Abort (RST) rather than close: thousands of closing sockets would otherwise sit in TIME_WAIT.
        foreach (var bot in _bots) bot.Abort();
    }

    public string? FirstError() => _bots.Select(b => b.Error).FirstOrDefault(e => e is not null);

    public async Task<ServerStats?> ServerStatsAsync()
    {
        try
        {
            using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(10) };
            return await http.GetFromJsonAsync<ServerStats>("/world/stats");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
}
