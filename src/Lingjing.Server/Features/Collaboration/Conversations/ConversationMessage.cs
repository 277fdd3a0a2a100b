namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>One message of a thread: words, optionally a file (stored under the data directory, checked like every
/// upload of the platform) or an invitation to meet; hidden by a moderator, it stays in the record but is not shown.</summary>
public sealed class ConversationMessage
{
    public int Id { get; set; }
    public int ConversationId { get; set; }
    /// <summary><see cref="ConversationSides.Starter"/> or <see cref="ConversationSides.Other"/>.</summary>
    public required string Side { get; set; }
    public Guid? SenderUserId { get; set; }
    public required string SenderName { get; set; }
    public string Body { get; set; } = "";
    public Guid? AttachmentId { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public long? AttachmentBytes { get; set; }
    /// <summary>An invitation to meet: <see cref="MeetingKinds"/>, when, and where.</summary>
    public string? MeetingKind { get; set; }
    public DateTime? MeetingStartsAt { get; set; }
    public DateTime? MeetingEndsAt { get; set; }
    /// <summary>The meeting-room booking made for the meeting (in person, and its room in the world).</summary>
    public Guid? MeetingBookingId { get; set; }
    /// <summary>The park whose world the meeting is in, for a meeting in the world.</summary>
    public int? MeetingParkId { get; set; }
    /// <summary>Where: the meeting room's or the park's name.</summary>
    public string? MeetingPlaceZh { get; set; }
    public string? MeetingPlaceEn { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>How two sides meet: in a meeting room booked through the bookings feature (which also opens that meeting's
/// room in the 3D world), or in a park's 3D world.</summary>
public static class MeetingKinds
{
    public const string MeetingRoom = "meeting_room";
    public const string ParkWorld = "park_world";

    public static readonly IReadOnlyList<string> All = [MeetingRoom, ParkWorld];
}
