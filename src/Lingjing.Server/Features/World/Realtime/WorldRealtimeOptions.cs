using Lingjing.World;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>The <c>Lingjing:World</c> configuration section: tuning of the realtime world node.</summary>
public sealed class WorldRealtimeOptions
{
    public const string Section = "Lingjing:World";

    public int TickRateHz { get; set; } = 10;
    public int ViewRadiusCm { get; set; } = 5_000;
    public int CellSizeCm { get; set; } = 2_000;
    /// <summary>False turns interest management off: the naive broadcast baseline for benchmarks.</summary>
    public bool InterestManagement { get; set; } = true;
    public int FullRateAvatars { get; set; } = 40;
    public int ReducedRateDivisor { get; set; } = 3;
    public int MaxQueuedBytesPerConnection { get; set; } = 256 * 1024;
    /// <summary>The kernel send buffer of each world connection (SO_SNDBUF; Linux doubles it). 0 leaves the OS default.</summary>
    public int SocketSendBufferBytes { get; set; } = 64 * 1024;
    public int ChatPerMinute { get; set; } = 20;
    public int ChatBurst { get; set; } = 5;
    /// <summary>Avatars join within this distance of a world's spawn point, so a crowd does not stack on one spot.</summary>
    public int SpawnScatterCm { get; set; } = 1_500;
    /// <summary>Kestrel's listen backlog: thousands of sockets connecting at once (load tests) overflow the default 512.</summary>
    public int ListenBacklog { get; set; } = 4_096;

    public WorldOptions ToEngineOptions() => new()
    {
        TickRateHz = TickRateHz,
        ViewRadiusCm = ViewRadiusCm,
        CellSizeCm = CellSizeCm,
        InterestManagement = InterestManagement,
        FullRateAvatars = FullRateAvatars,
        ReducedRateDivisor = ReducedRateDivisor,
        MaxQueuedBytesPerConnection = MaxQueuedBytesPerConnection,
        ChatPerMinute = ChatPerMinute,
        ChatBurst = ChatBurst,
    };
}
