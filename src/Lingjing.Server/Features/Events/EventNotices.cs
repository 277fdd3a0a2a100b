using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events;

/// <summary>What people registered for an event are told: the organiser's decision, a cancellation, and reminders a day
/// and an hour ahead (each once per person: dedup keys).</summary>
public sealed class EventNotices(LingjingDbContext db, Notifier notifier)
{
    public Task DecidedAsync(Event e, Guid userId, bool approved, CancellationToken ct) => notifier.NotifyUsersAsync([userId], approved
        ? new NotificationMessage("event.approved", $"Your place at {e.TitleEn} is confirmed", $"您在“{e.TitleZh}”的名额已确认",
            "Your ticket is on the event's page.", "门票见活动页面。", Link(e), $"event:{e.Id}:decided")
        : new NotificationMessage("event.declined", $"No place at {e.TitleEn}", $"未获得“{e.TitleZh}”的名额",
            "The organiser declined your registration.", "主办方未通过您的报名。", Link(e), $"event:{e.Id}:decided"), ct);

    public async Task CancelledAsync(Event e, CancellationToken ct) => await notifier.NotifyUsersAsync(await RegisteredAsync(e.Id, ct),
        new NotificationMessage("event.cancelled", $"{e.TitleEn} is cancelled", $"“{e.TitleZh}”已取消",
            "The organiser cancelled the event.", "主办方已取消本活动。", Link(e), $"event:{e.Id}:cancelled"), ct);

    /// <summary>Reminds <paramref name="people"/>; <paramref name="lead"/> is "day" or "hour".</summary>
    public async Task<int> RemindAsync(Event e, string lead, IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var (en, zh) = lead == "day" ? ("tomorrow", "明天") : ("within the hour", "一小时内");
        return await notifier.NotifyUsersAsync(people, new NotificationMessage("event.reminder",
            $"{e.TitleEn} starts {en}", $"“{e.TitleZh}”{zh}开始",
            "Your ticket and the link to join online are on the event's page; its calendar file keeps the agenda.",
            "门票和在线参加链接见活动页面；日历文件包含议程。", Link(e), $"event:{e.Id}:reminder:{lead}"), ct);
    }

    private Task<List<Guid>> RegisteredAsync(int eventId, CancellationToken ct) =>
        db.Set<EventRegistration>().Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Pending))
            .Select(r => r.UserId).ToListAsync(ct);

    private static string Link(Event e) => $"/events/{e.Id}";
}
