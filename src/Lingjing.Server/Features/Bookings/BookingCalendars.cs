using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Bookings as iCalendar files: one booking, all of a person's, and a space's busy times
/// (without who booked them). LOCATION names room, building and floor, park and street address in
/// both languages; DESCRIPTION adds the purpose and links to the space's page, its spot in the 3D world and, for a
/// meeting room, the meeting's own room in the world.</summary>
public sealed class BookingCalendars(LingjingDbContext db, BookingPlaces places, TimeProvider time, IOptions<LingjingOptions> options)
{
    public string One(Booking booking, BookingPlace place, string baseUrl)
    {
        var calendar = New("Lingjing booking");
        Add(calendar, booking, place, baseUrl);
        return calendar.ToString();
    }

    public async Task<string> MineAsync(Guid userId, string baseUrl, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-90);
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.UserId == userId && b.StartsAt >= since)
            .OrderBy(b => b.StartsAt).Take(1000).ToListAsync(ct);
        var where = await places.ForAsync(rows.Select(b => b.SpaceId), ct);
        var calendar = New("My Lingjing bookings");
        foreach (var booking in rows) Add(calendar, booking, where[booking.SpaceId], baseUrl);
        return calendar.ToString();
    }

    public async Task<string> SpaceAsync(Space space, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        var live = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.SpaceId == space.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.EndsAt >= since)
            .OrderBy(b => b.StartsAt).Take(5000).ToListAsync(ct);
        var place = await places.ForAsync(space.Id, ct);
        var calendar = New($"{space.NameZh} {space.NameEn}");
        var stamp = time.GetUtcNow();
        foreach (var booking in live)
        {
            calendar.AddEvent(new CalendarEntry($"{booking.Id}@lingjing", SpaceCalendar.Utc(booking.StartsAt), SpaceCalendar.Utc(booking.EndsAt), stamp,
                booking.Status == BookingStatus.Pending ? "Requested" : "Booked", CalendarFile.StatusOf(booking.Status),
                place is null ? $"{space.NameZh} {space.NameEn}" : Location(place)));
        }
        return calendar.ToString();
    }

    /// <summary>"Meeting Room A · Building 1, floor 3 · Wenhua Park, 1 Wenhua Road / 文化路1号 文化园 · 1号楼 3层 · 会议室A".</summary>
    public static string Location(BookingPlace place) => $"{place.FullEn} / {place.FullZh}";

    public static string Description(Booking booking, BookingPlace place, string baseUrl)
    {
        var lines = new List<string>();
        if (booking.Purpose.Length > 0) lines.Add(booking.Purpose);
        if (booking.Status == BookingStatus.Pending) lines.Add("Awaiting approval by the park operator. 待园区审批。");
        lines.Add($"Space 空间: {baseUrl}{place.SpaceUrl}");
        lines.Add($"3D world 三维园区: {baseUrl}{place.WorldUrl}");
        if (place.IsMeetingRoom && booking.Status != BookingStatus.Cancelled)
            lines.Add($"Meeting room in the 3D world 三维会议室: {baseUrl}{World.WorldLinks.MeetingRoom(booking.Id)}");
        return string.Join("\n", lines);
    }

    private CalendarFile New(string name) => new(name, options.Value.ZoneTimeZone, time.GetUtcNow());

    private void Add(CalendarFile calendar, Booking booking, BookingPlace place, string baseUrl) =>
        calendar.AddEvent(new CalendarEntry($"{booking.Id}@lingjing", SpaceCalendar.Utc(booking.StartsAt), SpaceCalendar.Utc(booking.EndsAt), time.GetUtcNow(),
            $"{place.RoomNameEn} · {place.RoomNameZh}", CalendarFile.StatusOf(booking.Status), Location(place), Description(booking, place, baseUrl),
            $"{baseUrl}/bookings/{booking.Id}"));
}
