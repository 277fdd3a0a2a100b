namespace Lingjing.Server.Features.Notifications;

/// <summary>What to tell people. A <paramref name="DedupKey"/> (e.g. "policy:42") delivers the
/// message at most once per person, however often it is sent.</summary>
public sealed record NotificationMessage(
    string Kind, string Title, string TitleZh, string Body, string BodyZh, string? Link = null, string? DedupKey = null);
