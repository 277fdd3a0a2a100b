namespace Lingjing.Bots;

/// <summary>
/// The recent positions one bot sent and when: an observer that sees the avatar at one of them knows
/// how long the move took to reach it (all bots share this process's clock). Written by the input
/// scheduler, read by observers; a torn read only loses one sample.
/// </summary>
public sealed class MoveLog
{
    private const int Size = 32;
    private readonly long[] _positions = new long[Size];
    private readonly long[] _sentAt = new long[Size];
    private int _next;

    public static long Key(int x, int z) => ((long)x << 32) | (uint)z;

    public void Record(long position, long timestamp)
    {
        var slot = _next;
        _sentAt[slot] = timestamp;
        Volatile.Write(ref _positions[slot], position);
        _next = (slot + 1) % Size;
    }

    /// <summary>When the position was sent, or 0 if it is not among the recent ones.</summary>
    public long SentAt(long position)
    {
        for (var i = 0; i < Size; i++)
            if (Volatile.Read(ref _positions[i]) == position) return Volatile.Read(ref _sentAt[i]);
        return 0;
    }
}
