using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Bookings;

/// <summary>A booking as the API shows it, with times in the zone's time zone.</summary>
public sealed record BookingView(
    Guid Id, string Status, int SpaceId, string SpaceNameZh, string SpaceNameEn, int ParkId,
    DateTimeOffset Start, DateTimeOffset End, string Purpose, int Attendees, DateTimeOffset CreatedAt,
    DateTimeOffset CheckInOpensAt, DateTimeOffset? CheckedInAt, string? DecisionReason)
{
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromMinutes(15);

    public static BookingView Of(Booking b, Space space, TimeZoneInfo zone)
    {
        var start = SpaceCalendar.InZone(SpaceCalendar.Utc(b.StartsAt), zone);
        return new BookingView(b.Id, b.Status, b.SpaceId, space.NameZh, space.NameEn, space.ParkId,
            start, SpaceCalendar.InZone(SpaceCalendar.Utc(b.EndsAt), zone), b.Purpose, b.Attendees,
            SpaceCalendar.InZone(SpaceCalendar.Utc(b.CreatedAt), zone), start - CheckInWindow,
            b.CheckedInAt is { } checkedIn ? SpaceCalendar.InZone(SpaceCalendar.Utc(checkedIn), zone) : null, b.DecisionReason);
    }
}
