namespace Lingjing.Server.Infrastructure.Time;

/// <summary>The <c>Lingjing:Clock</c> section. Empty in production: the server runs on the system clock.</summary>
public sealed class ClockOptions
{
    public const string Section = "Lingjing:Clock";

    /// <summary>An instant with its offset (ISO 8601, e.g. <c>2026-12-11T23:30:00+08:00</c>): the server's clock
    /// reads this at start and runs on from it. For tests and demos of a given day and hour.</summary>
    public DateTimeOffset? StartAt { get; set; }
}
