namespace Lingjing.World;

/// <summary>Tuning of a world node. Defaults are the documented protocol limits.</summary>
public sealed record WorldOptions
{
    public const uint ProtocolVersion = 1;

    public int TickRateHz { get; init; } = 10;
    public int CellSizeCm { get; init; } = 2_000;
    public int ViewRadiusCm { get; init; } = 5_000;
    public int ChatRadiusCm { get; init; } = 2_000;

    /// <summary>People within this distance hear each other, and see each other's cameras and screens.</summary>
    public int HearingRadiusCm { get; init; } = 1_500;

    /// <summary>Direct (peer-to-peer) media connections a client keeps at most, the nearest people first.</summary>
    public int MediaPeerLimit { get; init; } = 6;

    /// <summary>STUN and TURN servers the clients use to connect their media; none keeps media on the local network.</summary>
    public IReadOnlyList<IceServerOptions> IceServers { get; init; } = [];
    public int MaxSpeedCmPerSecond { get; init; } = 1_200;

    /// <summary>False gives the naive baseline: every client gets every avatar in a full snapshot every tick.</summary>
    public bool InterestManagement { get; init; } = true;

    /// <summary>Crowds: cells nearest a client hold up to this many avatars at full rate...</summary>
    public int FullRateAvatars { get; init; } = 40;

    /// <summary>...and farther cells are sent every Nth tick only.</summary>
    public int ReducedRateDivisor { get; init; } = 3;

    /// <summary>Threads composing clients' frames in parallel in a big world (default: one per core).</summary>
    public int ComposeParallelism { get; init; } = Environment.ProcessorCount;

    public int MaxClientFrameBytes { get; init; } = 2_048;

    /// <summary>A media signal frame carries a session description (a few kB; more with video and a screen).</summary>
    public int MaxSignalFrameBytes { get; init; } = 16_384;
    public int MaxChatChars { get; init; } = 280;
    public int ChatHistorySize { get; init; } = 50;
    public int MaxEmote { get; init; } = 16;

    public int InputPerSecond { get; init; } = 30;
    public int InputBurst { get; init; } = 60;
    public int ChatPerMinute { get; init; } = 20;
    public int ChatBurst { get; init; } = 5;
    public int EmotePerSecond { get; init; } = 2;
    public int EmoteBurst { get; init; } = 5;
    public int PingPerSecond { get; init; } = 2;
    public int PingBurst { get; init; } = 5;
    /// <summary>Negotiating one connection takes an offer, an answer and a burst of ICE candidates.</summary>
    public int SignalPerSecond { get; init; } = 20;
    public int SignalBurst { get; init; } = 60;
    public int MediaStatePerSecond { get; init; } = 10;
    public int MediaStateBurst { get; init; } = 20;

    /// <summary>Throttled messages use up strikes; when they run out the connection is closed (4029).</summary>
    public int StrikeBurst { get; init; } = 50;
    public int StrikesForgivenPerSecond { get; init; } = 5;

    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public int MaxQueuedBytesPerConnection { get; init; } = 256 * 1024;
    public TimeSpan MaxQueuedFrameAge { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every this many ticks each node republishes all its occupied cells so late subscribers converge.</summary>
    public int KeyframeTicks { get; init; } = 10;

    /// <summary>Identifies this node on the bus; its index is the top byte of the avatar ids it assigns.</summary>
    public string NodeId { get; init; } = "node-0";
    public byte NodeIndex { get; init; }

    internal void Validate()
    {
        if (TickRateHz is < 1 or > 60) throw new ArgumentOutOfRangeException(nameof(TickRateHz));
        if (CellSizeCm < 100) throw new ArgumentOutOfRangeException(nameof(CellSizeCm));
        if (ViewRadiusCm < 0 || ChatRadiusCm < 0 || HearingRadiusCm < 0) throw new ArgumentOutOfRangeException(nameof(ViewRadiusCm));
        if (MediaPeerLimit < 1) throw new ArgumentOutOfRangeException(nameof(MediaPeerLimit));
        if (ReducedRateDivisor < 1) throw new ArgumentOutOfRangeException(nameof(ReducedRateDivisor));
        if (MaxClientFrameBytes < 64) throw new ArgumentOutOfRangeException(nameof(MaxClientFrameBytes));
        if (MaxSignalFrameBytes < MaxClientFrameBytes) throw new ArgumentOutOfRangeException(nameof(MaxSignalFrameBytes));
        if (KeyframeTicks < 1) throw new ArgumentOutOfRangeException(nameof(KeyframeTicks));
    }
}
