namespace Lingjing.Server.Features.Notifications;

/// <summary>One message in a person's notification centre, in both languages.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>What it is about, e.g. "booking.approved", "policy.match", "alarm.raised".</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string TitleZh { get; set; } = "";
    public string Body { get; set; } = "";
    public string BodyZh { get; set; } = "";
    /// <summary>A local path to open, such as /me/bookings/{id}.</summary>
    public string? Link { get; set; }
    public string? DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
