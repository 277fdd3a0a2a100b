using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.World.Meetings;

/// <summary>A meeting's room: its scene for the browser, and for the booking page its links.</summary>
public static class MeetingApi
{
    /// <summary>What the booking page shows about a meeting's room. <paramref name="InvitationUrl"/> and
    /// <paramref name="Invitees"/> only for the holder.</summary>
    public sealed record MeetingView(string RoomUrl, DateTimeOffset OpensAt, DateTimeOffset EndsAt, string? InvitationUrl, IReadOnlyList<string>? Invitees);

    /// <summary>The door of a meeting room in the park world: where your next meeting there is, and whether it is open.</summary>
    public sealed record MeetingDoor(string RoomUrl, DateTimeOffset OpensAt, DateTimeOffset EndsAt, bool Open);

    public static void MapMeetingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("World").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/world/meetings/door", async Task<Results<Ok<MeetingDoor>, ProblemHttpResult>> (
                int space, HttpContext http, MeetingRooms rooms, TimeProvider time, CancellationToken ct) =>
            {
                if (await rooms.NextInRoomAsync(http.User.UserId()!.Value, space, ct) is not { } meeting) return MeetingFailures.NoMeetingHere().ToProblem();
                var now = time.GetUtcNow();
                return TypedResults.Ok(new MeetingDoor(WorldLinks.MeetingRoom(meeting.BookingId), meeting.OpensAt, meeting.EndsAt,
                    now >= meeting.OpensAt && now < meeting.EndsAt));
            })
            .WithSummary("Your next meeting (within a day) in a meeting room, for the room's door in the park world");

        api.MapGet("/world/meetings/{bookingId:guid}/scene", async Task<Results<Ok<WorldScene>, ProblemHttpResult>> (
                Guid bookingId, HttpContext http, MeetingRooms rooms, TimeProvider time, CancellationToken ct) =>
            {
                var entered = await rooms.EnterAsync(bookingId, http.User.UserId()!.Value, invitation: null, ct);
                return entered.Value is { } meeting ? TypedResults.Ok(MeetingRoomLayout.Scene(meeting, time.GetUtcNow())) : entered.Failure!.ToProblem();
            })
            .WithSummary("A meeting's room in the world, for its holder and invitees while it is open");

        api.MapGet("/bookings/{bookingId:guid}/meeting", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (
                Guid bookingId, HttpContext http, MeetingRooms rooms, MeetingLinks links, CancellationToken ct) =>
            {
                var userId = http.User.UserId()!.Value;
                var meeting = await rooms.FindAsync(bookingId, ct);
                if (meeting is null || (meeting.HolderId != userId && !await rooms.IsInviteeAsync(bookingId, userId, ct)))
                    return MeetingFailures.NoMeeting().ToProblem(); // not a meeting room, or not yours: the same answer
                var holder = meeting.HolderId == userId;
                return TypedResults.Ok(new MeetingView(WorldLinks.MeetingRoom(bookingId), meeting.OpensAt, meeting.EndsAt,
                    holder ? links.Invitation(bookingId) : null, holder ? await rooms.InviteesAsync(bookingId, ct) : null));
            })
            .WithSummary("The room of a meeting-room booking: its link, when it opens, and for the holder the invitation link and who joined");
    }
}
