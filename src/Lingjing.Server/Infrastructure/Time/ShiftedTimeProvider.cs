namespace Lingjing.Server.Infrastructure.Time;

/// <summary>The system clock moved to start at a chosen instant: time passes at the real rate, from
/// <c>Lingjing:Clock:StartAt</c> on. Used to run the server (and the test suite) as if it were a given
/// day and hour (a Friday night, New Year's Eve) without a fake clock that stands still.</summary>
public sealed class ShiftedTimeProvider(DateTimeOffset startAt, TimeProvider? system = null) : TimeProvider
{
    private readonly TimeProvider system = system ?? System;
    private readonly TimeSpan shift = startAt - (system ?? System).GetUtcNow();

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + shift;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override long GetTimestamp() => system.GetTimestamp();

    public override long TimestampFrequency => system.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        system.CreateTimer(callback, state, dueTime, period);
}
