namespace Lingjing.World.Sessions;

/// <summary>A token bucket on TimeProvider timestamps. Not thread-safe: one receive loop owns it.</summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly double _perSecond;
    private double _tokens;
    private long _stamp;

    public TokenBucket(TimeProvider time, int capacity, double perSecond)
    {
        _time = time;
        _capacity = capacity;
        _perSecond = perSecond;
        _tokens = capacity;
        _stamp = time.GetTimestamp();
    }

    public bool TryTake()
    {
        Refill();
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }

    /// <summary>How long until one token is available.</summary>
    public TimeSpan RetryAfter()
    {
        Refill();
        return _tokens >= 1 || _perSecond <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_stamp, now).TotalSeconds;
        _stamp = now;
        if (elapsed > 0) _tokens = Math.Min(_capacity, _tokens + elapsed * _perSecond);
    }
}
