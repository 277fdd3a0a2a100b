namespace Lingjing.World.Tests.Support;

/// <summary>Time that only moves when a test says so.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private long _timestamp = 1_000_000;

    public override long TimestampFrequency => 1_000_000;
    public override DateTimeOffset GetUtcNow() => _now;
    public override long GetTimestamp() => _timestamp;

    public void Advance(TimeSpan by)
    {
        _now += by;
        _timestamp += (long)(by.TotalMilliseconds * 1000);
    }
}
