using Lingjing.Server.Features.World.Meetings;

namespace Lingjing.Server.Features.World;

/// <summary>The sealed invitation to the room of a meeting-room booking, for features that invite people to a meeting
/// they booked (a collaboration conversation): whoever opens it signed in becomes an invitee of that meeting.</summary>
public sealed class MeetingInvitations(MeetingLinks links)
{
    public string For(Guid bookingId) => links.Invitation(bookingId);
}
