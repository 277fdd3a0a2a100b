namespace Lingjing.Bots;

/// <summary>
/// The recent moves one bot sent (position, time, running number): an observer that sees the avatar
/// at one of those positions knows that this move, and every earlier one it had not seen yet, reached
/// it now (all bots share this process's clock). Written by the input scheduler, read by observers; a
/// torn read only loses a sample.
/// </summary>
public sealed class MoveLog
{
    private const int Size = 64; // 6.4 s of moves at 10 Hz
    private readonly long[] _positions = new long[Size];
    private readonly long[] _sentAt = new long[Size];
    private readonly long[] _numbers = new long[Size];
    private long _count;

    public static long Key(int x, int z) => ((long)x << 32) | (uint)z;

    public void Record(long position, long timestamp)
    {
        var number = _count + 1;
        var slot = (int)(number % Size);
        Volatile.Write(ref _numbers[slot], 0); // invalid while the slot is rewritten
        _sentAt[slot] = timestamp;
        _positions[slot] = position;
        Volatile.Write(ref _numbers[slot], number);
        Volatile.Write(ref _count, number);
    }

    /// <summary>The running number of the newest move to that position, or 0 if it is not among the recent ones.</summary>
    public long NumberOf(long position)
    {
        long best = 0;
        for (var i = 0; i < Size; i++)
        {
            var number = Volatile.Read(ref _numbers[i]);
            if (number > best && _positions[i] == position && Volatile.Read(ref _numbers[i]) == number) best = number;
        }
        return best;
    }

    /// <summary>Reports the send time of every move numbered after <paramref name="after"/> up to <paramref name="upTo"/> still in the log.</summary>
    public void SentBetween(long after, long upTo, Action<long> sentAt)
    {
        for (var number = Math.Max(after + 1, upTo - Size + 1); number <= upTo; number++)
        {
            var slot = (int)(number % Size);
            var sent = _sentAt[slot];
            if (Volatile.Read(ref _numbers[slot]) == number) sentAt(sent);
        }
    }
}
