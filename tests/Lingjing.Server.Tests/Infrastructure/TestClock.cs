using System.Globalization;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>The one "now" of a test run. Unpinned it is the system clock. With
/// <c>LINGJING_TEST_CLOCK=2026-12-11T23:30:00+08:00</c> the whole run (every server the tests start, in
/// memory or as a child process, and the tests' own arithmetic) behaves as if the run had started at that
/// instant, with time passing at the real rate: the proof that no test depends on the day or the hour.</summary>
public static class TestClock
{
    public const string Variable = "LINGJING_TEST_CLOCK";

    /// <summary>The zone's time zone, as the servers under test are configured (the default).</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly TimeSpan Shift = ReadShift();

    public static bool Pinned => Shift != TimeSpan.Zero;

    public static DateTimeOffset Now => DateTimeOffset.UtcNow + Shift;

    /// <summary>This clock as a <see cref="TimeProvider"/>, for code under test that takes one.</summary>
    public static readonly TimeProvider Provider = new ShiftedProvider();

    /// <summary>The zone's wall clock now.</summary>
    public static DateTime ZoneNow => TimeZoneInfo.ConvertTime(Now, Zone).DateTime;

    public static DateOnly ZoneToday => DateOnly.FromDateTime(ZoneNow);

    /// <summary>Settings every server under test gets: this clock (when pinned), and no rate limits (all the tests'
    /// requests come from one address and a few users; the rate-limit tests turn them on with small limits). Off, the
    /// limiter middleware is not built at all: ASP.NET Core never disposes the endpoint limiter it makes, whose timer
    /// would keep each stopped test server in memory.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ServerSettings()
    {
        if (Pinned) yield return new("Lingjing:Clock:StartAt", Now.ToString("O", CultureInfo.InvariantCulture));
        yield return new("Lingjing:RateLimits:Enabled", "false");
    }

    private sealed class ShiftedProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }

    private static TimeSpan ReadShift()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return TimeSpan.Zero;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var pinned))
            throw new InvalidOperationException($"{Variable} must be an instant with an offset, e.g. 2026-12-11T23:30:00+08:00 (got '{text}').");
        return pinned - DateTimeOffset.UtcNow;
    }
}
