using System.Buffers;

namespace Lingjing.World.Sessions;

/// <summary>One frame waiting to be sent. Snapshot frames may be dropped while queued; others never.</summary>
internal sealed class OutboundFrame
{
    private OutboundFrame(byte[] buffer, int length, bool pooled, bool isSnapshot, long enqueuedAt)
    {
        Buffer = buffer;
        Length = length;
        Pooled = pooled;
        IsSnapshot = isSnapshot;
        EnqueuedAt = enqueuedAt;
    }

    public byte[] Buffer { get; }
    public int Length { get; }
    public bool Pooled { get; }
    public bool IsSnapshot { get; }
    public long EnqueuedAt { get; }
    public bool Dropped { get; private set; }

    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

    /// <summary>A frame whose bytes may be shared with other connections (never returned to the pool).</summary>
    public static OutboundFrame Shared(byte[] bytes, long now) => new(bytes, bytes.Length, false, false, now);

    /// <summary>A snapshot written into a buffer rented from ArrayPool&lt;byte&gt;.Shared.</summary>
    public static OutboundFrame RentedSnapshot(byte[] buffer, int length, long now) => new(buffer, length, true, true, now);

    public void Drop()
    {
        Dropped = true;
        Release();
    }

    public void Release()
    {
        if (Pooled && !_released)
        {
            _released = true;
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }

    private bool _released;
}
