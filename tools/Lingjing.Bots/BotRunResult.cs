namespace Lingjing.Bots;

/// <summary>What one run measured (written as JSON with --out). Latencies in milliseconds.</summary>
public sealed record BotRunResult
{
    public required string Label { get; init; }
    public required string World { get; init; }
    public required int Bots { get; init; }
    public required int Connected { get; init; }
    public required int ConnectedAtEnd { get; init; }
    public required double MeasuredSeconds { get; init; }
    public required bool InterestManagement { get; init; }
    public required bool InputsAlignedToTick { get; init; }
    public required int Attractions { get; init; }
    /// <summary>
    /// A bot's move until another bot receives a snapshot showing it or a later move of the same bot
    /// (so a move superseded before the server sent it counts the wait until its successor arrived).
    /// </summary>
    public required double? LatencyP50Ms { get; init; }
    public required double? LatencyP90Ms { get; init; }
    public required double? LatencyP99Ms { get; init; }
    public required double? LatencyMaxMs { get; init; }
    public required long LatencySamples { get; init; }
    /// <summary>The same for avatars within 20 m of the observer (the people one talks to).</summary>
    public required double? NearLatencyP50Ms { get; init; }
    public required double? NearLatencyP99Ms { get; init; }
    /// <summary>Nodes the bots were spread over (1 without --nodes), and the latency of moves seen by a watcher on
    /// another node than the mover's, and on the same one.</summary>
    public int Nodes { get; init; } = 1;
    public double? CrossNodeLatencyP50Ms { get; init; }
    public double? CrossNodeLatencyP99Ms { get; init; }
    public long CrossNodeLatencySamples { get; init; }
    public double? SameNodeLatencyP50Ms { get; init; }
    public double? SameNodeLatencyP99Ms { get; init; }
    /// <summary>The server's tick time stamped in a snapshot until a bot receives it (transport and client queueing).</summary>
    public required double? DeliveryP50Ms { get; init; }
    public required double? DeliveryP99Ms { get; init; }
    public required double BytesPerClientPerSecond { get; init; }
    public required double SnapshotsPerClientPerSecond { get; init; }
    /// <summary>Ticks missing between consecutive snapshots a bot received (the server also skips ticks where nothing in view changed).</summary>
    public required double TickGapsPerClientPerSecond { get; init; }
    public required double InputsPerClientPerSecond { get; init; }
    public required long InputsSkippedBusySocket { get; init; }
    public required double AvgAvatarsInView { get; init; }
    public required Dictionary<string, long> ClosedByCode { get; init; }
    public required int BotsWithErrors { get; init; }
    public required string? FirstError { get; init; }
    /// <summary>Server process CPU over the measured phase, percent of one core (200 = both cores).</summary>
    public double? ServerCpuPercent { get; init; }
    public long? ServerRssBytes { get; init; }
    public long? ServerPeakRssBytes { get; init; }
    /// <summary>This load tool's own CPU over the measured phase (it shares the machine).</summary>
    public double BotsCpuPercent { get; init; }
    public ServerStats? ServerStart { get; init; }
    public ServerStats? ServerEnd { get; init; }
    /// <summary>With --hall: the stage seen in every instance, and the floor's updates.</summary>
    public HallResult? Hall { get; init; }
}

/// <summary>An event's hall: the speaker's moves seen by observers in other instances than the speaker's (through the
/// shared stage) and in the same; per instance, observers and how many saw the stage move; the floor's question updates
/// (asked until a listener's stream lists it).</summary>
public sealed record HallResult
{
    public required int EventId { get; init; }
    public required int Instances { get; init; }
    public required string SpeakerWorld { get; init; }
    public required double? OtherInstanceLatencyP50Ms { get; init; }
    public required double? OtherInstanceLatencyP99Ms { get; init; }
    public required long OtherInstanceLatencySamples { get; init; }
    public required double? SameInstanceLatencyP50Ms { get; init; }
    public required double? SameInstanceLatencyP99Ms { get; init; }
    public required IReadOnlyList<HallInstanceResult> ByInstance { get; init; }
    public required int FloorListeners { get; init; }
    public required int FloorListeningAtEnd { get; init; }
    public required int QuestionsAsked { get; init; }
    public required double? FloorLatencyP50Ms { get; init; }
    public required double? FloorLatencyP99Ms { get; init; }
    public required double? FloorLatencyMaxMs { get; init; }
    public required long FloorSamples { get; init; }
}

public sealed record HallInstanceResult(string World, int People, int Observers, int ObserversSeeingStage);
