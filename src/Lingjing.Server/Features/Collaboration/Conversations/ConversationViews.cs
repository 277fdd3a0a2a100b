namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>One side of a thread: an enterprise or an institution, with its names.</summary>
public sealed record PartyName(string Kind, int Id, string NameZh, string NameEn);

/// <summary>A thread in a list: what it is about (<c>topic</c> need or offer, with its id), the two sides, which one the
/// reader is on, how many of the other side's messages the reader has not read, and the last message.</summary>
public sealed record ConversationSummary(
    int Id, string Topic, int TopicId, string Subject, PartyName Starter, PartyName Other, string MySide, int Unread,
    DateTime StartedAt, DateTime LastMessageAt, string LastMessagePreview)
{
    public PartyName Counterpart => MySide == ConversationSides.Starter ? Other : Starter;
}

/// <summary>A thread with its messages (the latest page, oldest first), whether earlier ones exist, and up to which
/// message the other side has read.</summary>
public sealed record ConversationDetail(ConversationSummary Conversation, IReadOnlyList<MessageView> Messages, bool HasEarlier, int ReadByOtherTo);

/// <summary>A message as a side of the thread sees it. A hidden message keeps its place but not its words.</summary>
public sealed record MessageView(
    int Id, string Side, bool Mine, string SenderName, string Body, AttachmentView? Attachment, MeetingView? Meeting,
    bool Hidden, DateTime SentAt);

public sealed record AttachmentView(string Name, string ContentType, long Bytes, string Url);

/// <summary>An invitation to meet: in a booked meeting room (<c>bookingId</c>) or in a park's world (<c>parkId</c>), with the
/// place's name; <c>link</c> opens it (for the inviter the booking, for the invited side the meeting room's sealed
/// invitation, which admits them to its room in the world).</summary>
public sealed record MeetingView(string Kind, DateTime StartsAt, DateTime EndsAt, Guid? BookingId, int? ParkId, string PlaceZh, string PlaceEn, string Link);

/// <summary>The body of a message sent as JSON (a file is sent as multipart/form-data with <c>body</c> and <c>attachment</c>).</summary>
public sealed record MessageInput(string? Body);

/// <summary>An invitation to meet: <c>kind</c> meeting_room (with <c>spaceId</c> of a meeting room, booked through the
/// bookings feature) or park_world (with <c>parkId</c>, default the inviter's park); <c>start</c> and <c>end</c> are ISO
/// 8601 instants with an offset; <c>note</c> is said with it.</summary>
public sealed record MeetingInput(string? Kind, int? SpaceId, int? ParkId, string? Start, string? End, string? Note);

/// <summary>Which message the reader has read up to; without it, the latest.</summary>
public sealed record ReadInput(int? UpTo);
