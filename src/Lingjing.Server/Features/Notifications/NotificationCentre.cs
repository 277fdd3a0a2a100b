using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Notifications;

/// <summary>A person's own notifications: read, count, mark as read. Every query is scoped to the
/// person, so an id of somebody else's notification simply is not found.</summary>
public sealed class NotificationCentre(LingjingDbContext db, TimeProvider clock, LiveBroadcast<NotificationAudience> bells)
{
    public const int MaxPageSize = 100;

    private IQueryable<Notification> Of(Guid userId) => db.Set<Notification>().Where(n => n.UserId == userId);

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        Of(userId).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Newest first; <paramref name="before"/> pages back by id.</summary>
    public async Task<NotificationInbox> InboxAsync(Guid userId, int limit, long? before, bool unreadOnly, CancellationToken ct = default)
    {
        var query = Of(userId).AsNoTracking();
        if (before is { } last) query = query.Where(n => n.Id < last);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var rows = await query.OrderByDescending(n => n.Id).Take(Math.Clamp(limit, 1, MaxPageSize)).ToListAsync(ct);
        return new NotificationInbox(await UnreadCountAsync(userId, ct), rows.Select(NotificationView.From).ToList());
    }

    /// <summary>Marks one as read and returns it, or null when the person has no such notification.</summary>
    public async Task<NotificationView?> MarkReadAsync(Guid userId, long id, CancellationToken ct = default)
    {
        var notification = await Of(userId).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return null;
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        bells.Publish(NotificationAudience.Person(userId)); // the person's other tabs
        return NotificationView.From(notification);
    }

    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await Of(userId).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (marked > 0) bells.Publish(NotificationAudience.Person(userId));
        return marked;
    }
}
