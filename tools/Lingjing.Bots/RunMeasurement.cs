using System.Diagnostics;

namespace Lingjing.Bots;

/// <summary>The measured phase: counters at its start, and the result computed from their growth.</summary>
public sealed class RunMeasurement(BotSwarm swarm, BotOptions options, HallRun? hall = null, HallFloor? floor = null)
{
    private long _startedAt;
    private long _bytes, _snapshots, _gaps, _inputs;
    private ServerStats? _serverStart;
    private ProcessSample? _serverProcessStart;
    private TimeSpan _botsCpuStart;

    public LatencyHistogram Latency => swarm.Latency;
    public int Connected => swarm.Bots.Count(b => b.Connected);

    public double ElapsedSeconds => _startedAt == 0 ? 0 : Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;

    public async Task BeginAsync()
    {
        _serverStart = await swarm.ServerStatsAsync();
        if (options.ServerPid is { } pid) _serverProcessStart = ProcessSample.Read(pid);
        _botsCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        (_bytes, _snapshots, _gaps, _inputs) = Totals();
        swarm.BeginMeasuring();
        floor?.BeginMeasuring();
        _startedAt = Stopwatch.GetTimestamp();
    }

    public (long Bytes, long Snapshots, long Gaps, long Inputs) Totals()
    {
        long bytes = 0, snapshots = 0, gaps = 0, inputs = 0;
        foreach (var bot in swarm.Bots)
        {
            bytes += Volatile.Read(ref bot.BytesReceived);
            snapshots += Volatile.Read(ref bot.Snapshots);
            gaps += Volatile.Read(ref bot.TickGaps);
            inputs += Volatile.Read(ref bot.InputsSent);
        }
        return (bytes, snapshots, gaps, inputs);
    }

    /// <summary>Average avatars in view over the observers that are connected.</summary>
    public double AvatarsInView()
    {
        var observers = swarm.Bots.Where(b => b.IsObserver && b.Connected).ToList();
        return observers.Count == 0 ? 0 : observers.Average(b => (double)b.AvatarsInView);
    }

    public double BytesPerClientPerSecond()
    {
        var seconds = ElapsedSeconds;
        var connected = swarm.Bots.Count(b => b.Connected);
        return seconds <= 0 || connected == 0 ? 0 : (Totals().Bytes - _bytes) / seconds / connected;
    }

    public async Task<BotRunResult> EndAsync()
    {
        swarm.EndMeasuring();
        floor?.EndMeasuring();
        var seconds = Math.Max(ElapsedSeconds, 0.001);
        var serverProcessEnd = options.ServerPid is { } pid ? ProcessSample.Read(pid) : null;
        var botsCpu = (Process.GetCurrentProcess().TotalProcessorTime - _botsCpuStart).TotalSeconds;
        var (bytes, snapshots, gaps, inputs) = Totals();
        var clients = Math.Max(1, swarm.Welcomes);
        var closes = swarm.Bots.Where(b => b.CloseCode is not null)
            .GroupBy(b => b.CloseCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        return new BotRunResult
        {
            Label = options.Label,
            World = options.World,
            Bots = options.Bots,
            Connected = swarm.Welcomes,
            ConnectedAtEnd = swarm.Bots.Count(b => b.Connected),
            MeasuredSeconds = Math.Round(seconds, 1),
            InterestManagement = swarm.Bots.FirstOrDefault(b => b.Welcome is not null)?.Welcome?.InterestManagement ?? true,
            InputsAlignedToTick = options.AlignToTick,
            Attractions = swarm.Plan?.Count ?? 0,
            LatencyP50Ms = swarm.Latency.Percentile(0.50),
            LatencyP90Ms = swarm.Latency.Percentile(0.90),
            LatencyP99Ms = swarm.Latency.Percentile(0.99),
            LatencyMaxMs = swarm.Latency.Percentile(1.0),
            LatencySamples = swarm.Latency.Count,
            NearLatencyP50Ms = swarm.NearLatency.Percentile(0.50),
            NearLatencyP99Ms = swarm.NearLatency.Percentile(0.99),
            Nodes = Math.Max(1, options.Nodes.Count),
            CrossNodeLatencyP50Ms = swarm.CrossNodeLatency.Percentile(0.50),
            CrossNodeLatencyP99Ms = swarm.CrossNodeLatency.Percentile(0.99),
            CrossNodeLatencySamples = swarm.CrossNodeLatency.Count,
            SameNodeLatencyP50Ms = swarm.SameNodeLatency.Percentile(0.50),
            SameNodeLatencyP99Ms = swarm.SameNodeLatency.Percentile(0.99),
            DeliveryP50Ms = swarm.Delivery.Percentile(0.50),
            DeliveryP99Ms = swarm.Delivery.Percentile(0.99),
            BytesPerClientPerSecond = Math.Round((bytes - _bytes) / seconds / clients, 1),
            SnapshotsPerClientPerSecond = Math.Round((snapshots - _snapshots) / seconds / clients, 2),
            TickGapsPerClientPerSecond = Math.Round((gaps - _gaps) / seconds / clients, 3),
            InputsPerClientPerSecond = Math.Round((inputs - _inputs) / seconds / clients, 2),
            InputsSkippedBusySocket = swarm.Bots.Sum(b => b.InputsSkipped),
            AvgAvatarsInView = Math.Round(AvatarsInView(), 1),
            ClosedByCode = closes,
            BotsWithErrors = swarm.Bots.Count(b => b.Error is not null),
            FirstError = swarm.FirstError(),
            ServerCpuPercent = _serverProcessStart is { } p0 && serverProcessEnd is { } p1 ? ProcessSample.CpuPercent(p0, p1) : null,
            ServerRssBytes = serverProcessEnd?.RssBytes,
            ServerPeakRssBytes = serverProcessEnd?.PeakRssBytes,
            BotsCpuPercent = Math.Round(botsCpu / seconds * 100, 1),
            ServerStart = _serverStart,
            ServerEnd = await swarm.ServerStatsAsync(),
            Hall = hall is null ? null : HallFigures(hall, floor!),
        };
    }

    /// <summary>Per instance: observers, and how many of them saw the stage move while measuring.</summary>
    private HallResult HallFigures(HallRun hall, HallFloor floor)
    {
        var instances = swarm.Bots.Where(b => b.IsObserver && b.Welcome is not null).GroupBy(b => b.World).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HallInstanceResult(g.Key, hall.Worlds.Count(w => w == g.Key), g.Count(), g.Count(b => Volatile.Read(ref b.StageMovesSeen) > 0)))
            .ToList();
        return new HallResult
        {
            EventId = hall.EventId,
            Instances = hall.Worlds.Distinct().Count(),
            SpeakerWorld = hall.Worlds[0],
            OtherInstanceLatencyP50Ms = swarm.OtherWorldLatency.Percentile(0.50),
            OtherInstanceLatencyP99Ms = swarm.OtherWorldLatency.Percentile(0.99),
            OtherInstanceLatencySamples = swarm.OtherWorldLatency.Count,
            SameInstanceLatencyP50Ms = swarm.SameWorldLatency.Percentile(0.50),
            SameInstanceLatencyP99Ms = swarm.SameWorldLatency.Percentile(0.99),
            ByInstance = instances,
            FloorListeners = options.FloorListeners,
            FloorListeningAtEnd = floor.Listening,
            QuestionsAsked = floor.Asked,
            FloorLatencyP50Ms = floor.Latency.Percentile(0.50),
            FloorLatencyP99Ms = floor.Latency.Percentile(0.99),
            FloorLatencyMaxMs = floor.Latency.Percentile(1.0),
            FloorSamples = floor.Latency.Count,
        };
    }
}
