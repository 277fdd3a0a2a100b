using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Lingjing.World;

/// <summary>
/// Counters of one world node, safe to read from any thread. Also published as the
/// System.Diagnostics.Metrics meter "Lingjing.World" (dotnet-counters, OpenTelemetry).
/// </summary>
public sealed class WorldMetrics : IDisposable
{
    public const string MeterName = "Lingjing.World";

    private readonly ConcurrentDictionary<int, long> _closedByCode = new();
    private readonly Meter _meter;
    private long _connectedSessions;
    private long _avatars;
    private long _framesSent;
    private long _framesDropped;
    private long _bytesSent;
    private long _framesReceived;
    private long _ticks;
    private long _lastTickMicroseconds;
    private long _maxTickMicroseconds;
    private long _totalTickMicroseconds;
    private long _cellsEncoded;

    public WorldMetrics()
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableUpDownCounter("lingjing.world.sessions", () => ConnectedSessions);
        _meter.CreateObservableUpDownCounter("lingjing.world.avatars", () => Avatars);
        _meter.CreateObservableCounter("lingjing.world.frames_sent", () => FramesSent);
        _meter.CreateObservableCounter("lingjing.world.frames_dropped", () => FramesDropped);
        _meter.CreateObservableCounter("lingjing.world.bytes_sent", () => BytesSent, "By");
        _meter.CreateObservableCounter("lingjing.world.frames_received", () => FramesReceived);
        _meter.CreateObservableGauge("lingjing.world.tick_duration", () => LastTickMicroseconds, "us");
    }

    /// <summary>Open connections, including those that have not said Hello yet.</summary>
    public long ConnectedSessions => Interlocked.Read(ref _connectedSessions);
    /// <summary>Avatars in all worlds of this node.</summary>
    public long Avatars => Interlocked.Read(ref _avatars);
    public long FramesSent => Interlocked.Read(ref _framesSent);
    /// <summary>Stale snapshots replaced by newer ones before a slow client received them.</summary>
    public long FramesDropped => Interlocked.Read(ref _framesDropped);
    public long BytesSent => Interlocked.Read(ref _bytesSent);
    public long FramesReceived => Interlocked.Read(ref _framesReceived);
    public long Ticks => Interlocked.Read(ref _ticks);
    public long LastTickMicroseconds => Interlocked.Read(ref _lastTickMicroseconds);
    public long MaxTickMicroseconds => Interlocked.Read(ref _maxTickMicroseconds);
    public long TotalTickMicroseconds => Interlocked.Read(ref _totalTickMicroseconds);
    /// <summary>Cell batches encoded (each at most once per tick, shared by every viewer).</summary>
    public long CellsEncoded => Interlocked.Read(ref _cellsEncoded);

    /// <summary>Connections the engine closed, by WebSocket close code.</summary>
    public IReadOnlyDictionary<int, long> ClosedByCode => new Dictionary<int, long>(_closedByCode);

    internal void SessionOpened() => Interlocked.Increment(ref _connectedSessions);
    internal void SessionClosed(int code)
    {
        Interlocked.Decrement(ref _connectedSessions);
        _closedByCode.AddOrUpdate(code, 1, static (_, n) => n + 1);
    }
    internal void AvatarAdded() => Interlocked.Increment(ref _avatars);
    internal void AvatarRemoved() => Interlocked.Decrement(ref _avatars);
    internal void FrameSent(int bytes)
    {
        Interlocked.Increment(ref _framesSent);
        Interlocked.Add(ref _bytesSent, bytes);
    }
    internal void FrameDropped() => Interlocked.Increment(ref _framesDropped);
    internal void FrameReceived() => Interlocked.Increment(ref _framesReceived);
    internal void CellEncoded() => Interlocked.Increment(ref _cellsEncoded);
    internal void TickCompleted(long microseconds)
    {
        Interlocked.Increment(ref _ticks);
        Interlocked.Exchange(ref _lastTickMicroseconds, microseconds);
        Interlocked.Add(ref _totalTickMicroseconds, microseconds);
        long max;
        while (microseconds > (max = Interlocked.Read(ref _maxTickMicroseconds)) &&
               Interlocked.CompareExchange(ref _maxTickMicroseconds, microseconds, max) != max) { }
    }

    public void Dispose() => _meter.Dispose();
}
