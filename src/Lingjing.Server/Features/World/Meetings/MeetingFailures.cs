namespace Lingjing.Server.Features.World.Meetings;

/// <summary>Why someone cannot enter a meeting's room; each says what to do.</summary>
internal static class MeetingFailures
{
    public static Failure NoMeeting() =>
        Failure.NotFound("There is no meeting room booking with this link.").Titled("Meeting not found");

    public static Failure NoMeetingHere() =>
        Failure.NotFound("You have no meeting in this room within the next day.").Titled("No meeting here");

    public static Failure NotInvited() =>
        Failure.Forbidden("Only the person who booked this meeting room and the people they invited can enter it. Ask them for the invitation link.")
            .Titled("Not invited") with { Code = "meeting.not-invited" };

    public static Failure NotConfirmed() =>
        Failure.Conflict("This booking is not confirmed (it waits for approval or was cancelled), so its meeting room is closed.")
            with { Code = "meeting.not-confirmed" };

    public static Failure NotOpenYet(DateTimeOffset opensAt) =>
        Failure.Conflict("The meeting room opens 15 minutes before the meeting starts, at {0:yyyy-MM-dd HH:mm} UTC.", opensAt.UtcDateTime)
            .With("opensAt", opensAt) with { Code = "meeting.not-open-yet" };

    public static Failure Over() =>
        Failure.Conflict("This meeting is over; its room is closed.") with { Code = "meeting.over" };
}
