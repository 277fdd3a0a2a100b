using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>One round of booking housekeeping at a given instant: confirmed bookings nobody checked
/// in to are released once the space's no-show time has passed (the time becomes free again), and
/// bookings starting soon get a reminder. Each person is told once (dedup keys).</summary>
public sealed class BookingHousekeeper(LingjingDbContext db, BookingNotices notices, BookingPlaces places, IOptions<BookingOptions> options)
{
    public async Task<(int Released, int Reminded)> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var released = await ReleaseNoShowsAsync(now.UtcDateTime, ct);
        var reminded = await RemindAsync(now.UtcDateTime, ct);
        return (released, reminded);
    }

    private async Task<int> ReleaseNoShowsAsync(DateTime now, CancellationToken ct)
    {
        var candidates = await db.Set<Booking>()
            .Where(b => b.Status == BookingStatus.Confirmed && b.CheckedInAt == null && b.StartsAt <= now)
            .Join(db.Set<Space>(), b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s })
            .GroupJoin(db.Set<SpaceBookingRules>(), r => r.Booking.SpaceId, rules => rules.SpaceId,
                (r, rules) => new { r.Booking, r.Space, Rules = rules })
            .SelectMany(r => r.Rules.DefaultIfEmpty(), (r, rules) => new { r.Booking, r.Space, ReleaseMinutes = rules == null ? 15 : rules.NoShowReleaseMinutes })
            .OrderBy(r => r.Booking.StartsAt).Take(1000).ToListAsync(ct); // the longest overdue first; the rest next run
        var due = candidates.Where(c => c.Booking.StartsAt.AddMinutes(c.ReleaseMinutes) <= now).ToList();
        foreach (var c in due)
        {
            c.Booking.Status = BookingStatus.NoShow;
            c.Booking.ReleasedAt = now;
        }
        await db.SaveChangesAsync(ct);
        var where = await places.ForAsync(due.Select(c => c.Space.Id), ct);
        foreach (var c in due)
        {
            await notices.ReleasedAsync(c.Booking, where[c.Space.Id], c.ReleaseMinutes, ct);
        }
        return due.Count;
    }

    private async Task<int> RemindAsync(DateTime now, CancellationToken ct)
    {
        var horizon = now + options.Value.ReminderLead;
        var due = await db.Set<Booking>()
            .Where(b => b.Status == BookingStatus.Confirmed && b.RemindedAt == null && b.StartsAt > now && b.StartsAt <= horizon)
            .Join(db.Set<Space>(), b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s })
            .OrderBy(r => r.Booking.StartsAt).Take(1000).ToListAsync(ct); // the soonest first
        foreach (var c in due) c.Booking.RemindedAt = now;
        await db.SaveChangesAsync(ct);
        var where = await places.ForAsync(due.Select(c => c.Space.Id), ct);
        foreach (var c in due)
        {
            await notices.ReminderAsync(c.Booking, where[c.Space.Id], ct);
        }
        return due.Count;
    }
}
