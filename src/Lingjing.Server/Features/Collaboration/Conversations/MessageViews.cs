using Lingjing.Server.Features.World;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Turns stored messages into what one side of the thread sees: its own marked, hidden words left out, the
/// attachment's download address, and the way into a meeting (the inviter's booking, the invited side's sealed
/// invitation to the meeting room, or the park's world).</summary>
public sealed class MessageViews(MeetingInvitations invitations)
{
    public MessageView Of(ConversationMessage m, string readerSide)
    {
        var mine = m.Side == readerSide;
        var hidden = m.HiddenAt is not null;
        var attachment = hidden || m.AttachmentId is not { } file ? null
            : new AttachmentView(m.AttachmentName!, m.AttachmentType!, m.AttachmentBytes ?? 0, ConversationLinks.Attachment(m.ConversationId, file));
        return new MessageView(m.Id, m.Side, mine, m.SenderName, hidden ? "" : m.Body, attachment, hidden ? null : Meeting(m, mine), hidden, m.SentAt);
    }

    private MeetingView? Meeting(ConversationMessage m, bool mine)
    {
        if (m.MeetingKind is null || m.MeetingStartsAt is not { } starts || m.MeetingEndsAt is not { } ends) return null;
        var link = m.MeetingBookingId is { } booking
            ? mine ? $"/bookings/{booking}" : invitations.For(booking)
            : WorldLinks.Park(m.MeetingParkId ?? 0);
        return new MeetingView(m.MeetingKind, starts, ends, m.MeetingBookingId, m.MeetingParkId, m.MeetingPlaceZh ?? "", m.MeetingPlaceEn ?? "", link);
    }
}
