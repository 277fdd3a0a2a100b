using System.Globalization;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>One round of booking housekeeping at a given instant: confirmed bookings nobody checked
/// in to are released once the space's no-show time has passed (the time becomes free again), and
/// bookings starting soon get a reminder. Each person is told once (dedup keys).</summary>
public sealed class BookingHousekeeper(
    LingjingDbContext db, Notifier notifier, IOptions<BookingOptions> options, IOptions<LingjingOptions> zoneOptions)
{
    private readonly TimeZoneInfo zone = zoneOptions.Value.ZoneTimeZone;

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
            .Join(db.Spaces, b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s })
            .GroupJoin(db.Set<SpaceBookingRules>(), r => r.Booking.SpaceId, rules => rules.SpaceId,
                (r, rules) => new { r.Booking, r.Space, Rules = rules })
            .SelectMany(r => r.Rules.DefaultIfEmpty(), (r, rules) => new { r.Booking, r.Space, ReleaseMinutes = rules == null ? 15 : rules.NoShowReleaseMinutes })
            .Take(1000).ToListAsync(ct);
        var due = candidates.Where(c => c.Booking.StartsAt.AddMinutes(c.ReleaseMinutes) <= now).ToList();
        foreach (var c in due)
        {
            c.Booking.Status = BookingStatus.NoShow;
            c.Booking.ReleasedAt = now;
        }
        await db.SaveChangesAsync(ct);
        foreach (var c in due)
        {
            await TellAsync(c.Booking, c.Space, "booking.released", $"Booking released: {c.Space.NameEn}", $"预约已释放：{c.Space.NameZh}",
                $"Nobody checked in to {c.Space.NameEn} at {When(c.Booking)} within {c.ReleaseMinutes} minutes, so the time was released for others.",
                $"{When(c.Booking)} 的{c.Space.NameZh}在开始后 {c.ReleaseMinutes} 分钟内无人签到，时段已释放。", ct);
        }
        return due.Count;
    }

    private async Task<int> RemindAsync(DateTime now, CancellationToken ct)
    {
        var horizon = now + options.Value.ReminderLead;
        var due = await db.Set<Booking>()
            .Where(b => b.Status == BookingStatus.Confirmed && b.RemindedAt == null && b.StartsAt > now && b.StartsAt <= horizon)
            .Join(db.Spaces, b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s })
            .Take(1000).ToListAsync(ct);
        foreach (var c in due) c.Booking.RemindedAt = now;
        await db.SaveChangesAsync(ct);
        foreach (var c in due)
        {
            await TellAsync(c.Booking, c.Space, "booking.reminder", $"Starting soon: {c.Space.NameEn}", $"即将开始：{c.Space.NameZh}",
                $"Your booking of {c.Space.NameEn} starts at {When(c.Booking)}. Check in with the QR code from 15 minutes before.",
                $"您预约的{c.Space.NameZh}将于 {When(c.Booking)} 开始，开始前 15 分钟起可扫码签到。", ct);
        }
        return due.Count;
    }

    private string When(Booking booking) =>
        SpaceCalendar.InZone(SpaceCalendar.Utc(booking.StartsAt), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private Task TellAsync(Booking booking, Space space, string kind, string title, string titleZh, string body, string bodyZh, CancellationToken ct) =>
        notifier.NotifyUsersAsync([booking.UserId], new NotificationMessage(kind, title, titleZh, body, bodyZh, $"/bookings/{booking.Id}", $"{kind}:{booking.Id}"), ct);
}
