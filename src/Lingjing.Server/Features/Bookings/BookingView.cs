namespace Lingjing.Server.Features.Bookings;

/// <summary>A booking as the API shows it, with times in the zone's time zone and where it is
/// (<see cref="Place"/>: park, building, floor, room, address, links to the space and the 3D world).</summary>
public sealed record BookingView(
    Guid Id, string Status, int SpaceId, string SpaceNameZh, string SpaceNameEn, int ParkId,
    DateTimeOffset Start, DateTimeOffset End, string Purpose, int Attendees, DateTimeOffset CreatedAt,
    DateTimeOffset CheckInOpensAt, DateTimeOffset? CheckedInAt, string? DecisionReason, BookingPlace Place)
{
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromMinutes(15);

    public static BookingView Of(Booking b, BookingPlace place, TimeZoneInfo zone)
    {
        var start = SpaceCalendar.InZone(SpaceCalendar.Utc(b.StartsAt), zone);
        return new BookingView(b.Id, b.Status, b.SpaceId, place.RoomNameZh, place.RoomNameEn, place.ParkId,
            start, SpaceCalendar.InZone(SpaceCalendar.Utc(b.EndsAt), zone), b.Purpose, b.Attendees,
            SpaceCalendar.InZone(SpaceCalendar.Utc(b.CreatedAt), zone), start - CheckInWindow,
            b.CheckedInAt is { } checkedIn ? SpaceCalendar.InZone(SpaceCalendar.Utc(checkedIn), zone) : null, b.DecisionReason, place);
    }
}
