namespace Lingjing.Server.Features.Notifications;

/// <summary>A notification as the API returns it.</summary>
public sealed record NotificationView(
    long Id, string Kind, string Title, string TitleZh, string Body, string BodyZh, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;

    public static NotificationView From(Notification n) => new(
        n.Id, n.Kind, n.Title, n.TitleZh, n.Body, n.BodyZh, n.Link,
        new DateTimeOffset(DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc)),
        n.ReadAt is { } read ? new DateTimeOffset(DateTime.SpecifyKind(read, DateTimeKind.Utc)) : null);
}

/// <summary>A page of the notification centre with the unread count.</summary>
public sealed record NotificationInbox(int Unread, IReadOnlyList<NotificationView> Items);
