using System.Globalization;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>Builds a park's week calendar: its spaces with their rules and blackout days, and the
/// bookings of the week that hold time or held it (pending, confirmed, checked in, no-show).</summary>
public sealed class ParkWeekCalendars(LingjingDbContext db, BookingUtilization utilization)
{
    /// <summary>The week containing <paramref name="day"/> (this week when null).</summary>
    public async Task<WeekCalendar> WeekAsync(int parkId, DateOnly? day, CancellationToken ct)
    {
        var zone = utilization.Zone;
        var monday = UtilizationPeriod.MondayOf(day ?? utilization.Today);
        var days = Enumerable.Range(0, 7).Select(monday.AddDays).ToList();
        var sunday = days[^1];
        var spaces = await db.Set<Space>().AsNoTracking().Where(s => s.ParkId == parkId)
            .OrderBy(s => s.NameEn).ThenBy(s => s.Id).ToListAsync(ct);
        if (spaces.Count == 0) return new WeekCalendar(monday, days, []);
        var ids = spaces.Select(s => s.Id).ToList();
        var approval = await db.Set<SpaceBookingRules>().AsNoTracking().Where(r => ids.Contains(r.SpaceId) && r.RequiresApproval)
            .Select(r => r.SpaceId).ToListAsync(ct);
        var blackouts = (await db.Set<SpaceBlackout>().AsNoTracking()
            .Where(b => ids.Contains(b.SpaceId) && b.FirstDay <= sunday && b.LastDay >= monday).ToListAsync(ct)).ToLookup(b => b.SpaceId);
        var from = SpaceCalendar.StartOfDay(monday, zone).UtcDateTime;
        var to = SpaceCalendar.StartOfDay(sunday.AddDays(1), zone).UtcDateTime;
        var bookings = (await db.Set<Booking>().AsNoTracking()
            .Where(b => ids.Contains(b.SpaceId) && b.StartsAt >= from && b.StartsAt < to
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending || b.Status == BookingStatus.NoShow))
            .Join(db.Users.AsNoTracking(), b => b.UserId, u => u.Id, (b, u) => new { Booking = b, u.DisplayName })
            .ToListAsync(ct))
            .OrderBy(r => r.Booking.StartsAt).ToLookup(r => (r.Booking.SpaceId, Day(r.Booking.StartsAt, zone)));

        var rows = spaces.Select(space =>
        {
            var type = SpaceTypes.Find(space.SpaceType);
            var cells = days.Select(d =>
            {
                var blackout = blackouts[space.Id].FirstOrDefault(b => b.Covers(d));
                var open = blackout is null && SpaceCalendar.Window(space, d, zone) is not null;
                var chips = bookings[(space.Id, d)].Select(r => new CalendarChip(r.Booking.Id, ChipStatus.Of(r.Booking.Status, r.Booking.CheckedInAt),
                    Clock(r.Booking.StartsAt, zone), Clock(r.Booking.EndsAt, zone), r.Booking.Purpose, r.Booking.Attendees, r.DisplayName)).ToList();
                return new WeekCalendarCell(d, open, blackout is not null, blackout?.Reason, chips);
            }).ToList();
            return new WeekCalendarRow(space.Id, space.NameZh, space.NameEn, space.SpaceType, type?.NameZh ?? space.SpaceType, type?.NameEn ?? space.SpaceType,
                space.Capacity, space.OpensAt.ToString("HH:mm", CultureInfo.InvariantCulture), space.ClosesAt.ToString("HH:mm", CultureInfo.InvariantCulture),
                approval.Contains(space.Id), cells);
        }).ToList();
        return new WeekCalendar(monday, days, rows);
    }

    private static DateOnly Day(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private static string Clock(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
