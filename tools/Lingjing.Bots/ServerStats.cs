namespace Lingjing.Bots;

/// <summary>The server's world counters from GET /world/stats (loopback only).</summary>
public sealed record ServerStats(
    long ConnectedSessions, long Avatars, long FramesSent, long FramesDropped, long BytesSent, long FramesReceived,
    long Ticks, long LastTickMicroseconds, long MaxTickMicroseconds, long TotalTickMicroseconds, long CellsEncoded,
    Dictionary<string, long> ClosedByCode);
