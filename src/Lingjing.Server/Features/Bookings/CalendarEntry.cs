namespace Lingjing.Server.Features.Bookings;

/// <summary>One event of a <see cref="CalendarFile"/>; Status is an iCalendar status (CONFIRMED, TENTATIVE, CANCELLED).</summary>
public sealed record CalendarEntry(
    string Uid, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Stamp, string Summary, string Status,
    string? Location = null, string? Description = null, string? Url = null);
