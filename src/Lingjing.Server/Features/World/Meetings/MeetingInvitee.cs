namespace Lingjing.Server.Features.World.Meetings;

/// <summary>Someone the holder of a meeting-room booking invited, recorded when they first opened the invitation
/// link signed in: from then on they enter that meeting's room like the holder (by the link or the door).</summary>
public sealed class MeetingInvitee
{
    public Guid BookingId { get; set; }
    public Guid UserId { get; set; }
    public DateTime JoinedAt { get; set; }
}
