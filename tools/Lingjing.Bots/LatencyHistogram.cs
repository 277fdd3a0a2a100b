namespace Lingjing.Bots;

/// <summary>Thread-safe latency histogram with 0.5 ms buckets up to 30 s (the last bucket collects the rest).</summary>
public sealed class LatencyHistogram
{
    private const double BucketMs = 0.5;
    private readonly long[] _buckets = new long[60_000];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(double milliseconds)
    {
        var bucket = (int)Math.Clamp(milliseconds / BucketMs, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    public void Reset()
    {
        Array.Clear(_buckets);
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>The latency below which the given fraction of samples fall (upper edge of its bucket), or null without samples.</summary>
    public double? Percentile(double fraction)
    {
        var total = Count;
        if (total == 0) return null;
        var target = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= target) return (i + 1) * BucketMs;
        }
        return _buckets.Length * BucketMs;
    }
}
