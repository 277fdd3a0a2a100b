using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events;

/// <summary>Reminds each person with a place a day ahead and an hour ahead of the event, whenever they registered (someone
/// registering twenty minutes before the start gets the hour's reminder). Each registration's reminder is marked by a
/// conditional UPDATE and sent with a dedup key, so a run repeated, or running on another node, tells nobody twice.</summary>
public sealed class EventReminders(IServiceScopeFactory scopes, TimeProvider time, IOptions<EventOptions> options, ILogger<EventReminders> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "event-reminders";

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var notices = scope.ServiceProvider.GetRequiredService<EventNotices>();
        var now = Time.GetUtcNow().UtcDateTime;
        var (day, hour) = (now.AddDays(1), now.AddHours(1));
        var due = await (from r in db.Set<EventRegistration>()
                         join e in db.Set<Event>() on r.EventId equals e.Id
                         where e.Status == EventStatus.Published && e.StartsAt > now
                               && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Pending)
                               && ((r.HourRemindedAt == null && e.StartsAt <= hour) || (r.DayRemindedAt == null && e.StartsAt <= day))
                         select new { Registration = r.Id, r.UserId, Event = e, Hour = e.StartsAt <= hour }).Take(5_000).ToListAsync(ct);
        var sent = 0;
        foreach (var group in due.GroupBy(d => (d.Event.Id, d.Hour)))
        {
            var ids = group.Select(d => d.Registration).ToList();
            var e = group.First().Event;
            // An hour ahead says it all: the day's reminder is not sent after it.
            if (group.Key.Hour)
                await db.Set<EventRegistration>().Where(r => ids.Contains(r.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.HourRemindedAt, now).SetProperty(r => r.DayRemindedAt, r => r.DayRemindedAt ?? now), ct);
            else
                await db.Set<EventRegistration>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.DayRemindedAt, now), ct);
            sent += await notices.RemindAsync(e, group.Key.Hour ? "hour" : "day", [.. group.Select(d => d.UserId)], ct);
        }
        if (sent > 0) logger.LogInformation("Event reminders: {Sent} people reminded", sent);
    }
}
