namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>A park's spaces over one week (Monday to Sunday, zone time): one row per space, one cell
/// per day with its bookings; closed days and blackout days are marked.</summary>
public sealed record WeekCalendar(DateOnly Monday, IReadOnlyList<DateOnly> Days, IReadOnlyList<WeekCalendarRow> Rows)
{
    public DateOnly PreviousMonday => Monday.AddDays(-7);
    public DateOnly NextMonday => Monday.AddDays(7);
}

public sealed record WeekCalendarRow(
    int SpaceId, string NameZh, string NameEn, string SpaceType, string TypeZh, string TypeEn, int Capacity, string OpensAt, string ClosesAt,
    bool RequiresApproval, IReadOnlyList<WeekCalendarCell> Cells);

/// <summary>One space on one day. <see cref="Open"/> is false on a day outside the space's open days
/// or on a blackout day (then <see cref="BlackoutReason"/> is set, possibly empty).</summary>
public sealed record WeekCalendarCell(DateOnly Day, bool Open, bool Blackout, string? BlackoutReason, IReadOnlyList<CalendarChip> Bookings);

/// <summary>A booking in the calendar. Status is pending, confirmed, checked-in or no-show.</summary>
public sealed record CalendarChip(Guid Id, string Status, string Start, string End, string Purpose, int Attendees, string RequestedBy);

/// <summary>Display status of a booking in the park's views.</summary>
public static class ChipStatus
{
    public const string CheckedIn = "checked-in";

    public static string Of(string status, DateTime? checkedInAt) =>
        status == BookingStatus.Confirmed && checkedInAt is not null ? CheckedIn : status;
}
