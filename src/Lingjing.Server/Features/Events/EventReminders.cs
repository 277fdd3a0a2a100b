using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events;

/// <summary>Reminds the people registered for an event a day ahead and an hour ahead. Each reminder is claimed by one
/// conditional UPDATE (sent-at still empty) before it is sent, so a run repeated or running on another node sends nothing
/// twice.</summary>
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
        var due = await db.Set<Event>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.StartsAt > now
                        && ((e.DayReminderSentAt == null && e.StartsAt <= day) || (e.HourReminderSentAt == null && e.StartsAt <= hour)))
            .ToListAsync(ct);
        var sent = 0;
        foreach (var e in due)
        {
            if (e.HourReminderSentAt is null && e.StartsAt <= hour)
            {
                // An hour ahead says it all: the day's reminder is not sent after it.
                if (await db.Set<Event>().Where(x => x.Id == e.Id && x.HourReminderSentAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.HourReminderSentAt, now).SetProperty(x => x.DayReminderSentAt, x => x.DayReminderSentAt ?? now), ct) == 1)
                    sent += await notices.RemindAsync(e, "hour", ct);
            }
            else if (await db.Set<Event>().Where(x => x.Id == e.Id && x.DayReminderSentAt == null)
                         .ExecuteUpdateAsync(s => s.SetProperty(x => x.DayReminderSentAt, now), ct) == 1)
                sent += await notices.RemindAsync(e, "day", ct);
        }
        if (sent > 0) logger.LogInformation("Event reminders: {Sent} people reminded of {Events} events", sent, due.Count);
    }
}
