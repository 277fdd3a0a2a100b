using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Bookings as iCalendar files: one booking, all of a person's, and a space's busy times
/// (without who booked them).</summary>
public sealed class BookingCalendars(LingjingDbContext db, TimeProvider time)
{
    public string One(Booking booking, Space space, string baseUrl)
    {
        var calendar = new ICalendar("Lingjing booking");
        Add(calendar, booking, space, baseUrl);
        return calendar.ToString();
    }

    public async Task<string> MineAsync(Guid userId, string baseUrl, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-90);
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.UserId == userId && b.StartsAt >= since)
            .Join(db.Spaces.AsNoTracking(), b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s })
            .OrderBy(r => r.Booking.StartsAt).Take(1000).ToListAsync(ct);
        var calendar = new ICalendar("My Lingjing bookings");
        foreach (var row in rows) Add(calendar, row.Booking, row.Space, baseUrl);
        return calendar.ToString();
    }

    public async Task<string> SpaceAsync(Space space, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        var live = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.SpaceId == space.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.EndsAt >= since)
            .OrderBy(b => b.StartsAt).Take(5000).ToListAsync(ct);
        var calendar = new ICalendar($"{space.NameZh} {space.NameEn}");
        var stamp = time.GetUtcNow();
        foreach (var booking in live)
        {
            calendar.AddEvent($"{booking.Id}@lingjing", SpaceCalendar.Utc(booking.StartsAt), SpaceCalendar.Utc(booking.EndsAt), stamp,
                booking.Status == BookingStatus.Pending ? "Requested" : "Booked", $"{space.NameZh} {space.NameEn}",
                status: ICalendar.StatusOf(booking.Status));
        }
        return calendar.ToString();
    }

    private void Add(ICalendar calendar, Booking booking, Space space, string baseUrl) =>
        calendar.AddEvent($"{booking.Id}@lingjing", SpaceCalendar.Utc(booking.StartsAt), SpaceCalendar.Utc(booking.EndsAt), time.GetUtcNow(),
            $"{space.NameEn} · {space.NameZh}", $"{space.NameZh} {space.NameEn}",
            booking.Purpose.Length > 0 ? booking.Purpose : null, ICalendar.StatusOf(booking.Status), $"{baseUrl}/bookings/{booking.Id}");
}
