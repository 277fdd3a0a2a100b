using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.World.Meetings;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.World.Meetings;

/// <summary>A meeting room's room in the world, on both databases: the holder gets it and an invitation link; someone
/// from another enterprise who opens the link signed in becomes an invitee; nobody else gets in, and the room is open
/// only from 15 minutes before the meeting to its end.</summary>
public sealed class MeetingRoomApiTests
{
    private sealed record MeetingView(string RoomUrl, DateTimeOffset OpensAt, DateTimeOffset EndsAt, string? InvitationUrl, List<string>? Invitees);
    private sealed record SceneBody(string WorldId, string Kind, double[] Bounds, List<SceneRoom> Parks);
    private sealed record SceneRoom(string NameEn, double[][] Boundary);
    private sealed record CodedProblem(string? Title, string? Detail, string? Code);

    [Theory, BothDatabases]
    public async Task An_invitee_from_another_enterprise_joins_by_the_holders_link_and_nobody_else_gets_in(Db db)
    {
        var scene = await MeetingScene.CreateAsync(await SharedApps.Blank(db));
        var meeting = await scene.BookAsync(TimeSpan.FromMinutes(-5));
        using var holder = await scene.App.SignedInAsync(scene.Holder, TestUsers.Password);
        using var invitee = await scene.App.SignedInAsync(scene.Invitee, TestUsers.Password);
        using var stranger = await scene.App.SignedInAsync(scene.Stranger, TestUsers.Password);

        var view = (await holder.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{meeting}/meeting"))!;
        view.RoomUrl.ShouldBe($"/world/meeting/{meeting:N}");
        view.InvitationUrl.ShouldStartWith($"/world/meeting/{meeting:N}?invite=");
        view.Invitees.ShouldBeEmpty();
        (await holder.GetStringAsync(view.RoomUrl)).ShouldNotContain("meeting-refused");

        // Before opening the invitation the invitee is a stranger like any other.
        var refused = await invitee.GetAsync($"/api/v1/world/meetings/{meeting}/scene");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<CodedProblem>())!.Detail!.ShouldContain("Ask them for the invitation link");
        (await invitee.GetStringAsync(view.RoomUrl)).ShouldContain("data-code=\"meeting.not-invited\"");

        (await invitee.GetStringAsync(view.InvitationUrl)).ShouldNotContain("meeting-refused");
        var room = (await invitee.GetFromJsonAsync<SceneBody>($"/api/v1/world/meetings/{meeting}/scene"))!;
        (room.WorldId, room.Kind, room.Parks.Single().NameEn).ShouldBe(($"meeting-{meeting:N}", "meeting", "Meeting Room A"));
        (await invitee.GetStringAsync(view.RoomUrl)).ShouldNotContain("meeting-refused"); // the plain link now works too
        (await holder.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{meeting}/meeting"))!.Invitees!.Count.ShouldBe(1);
        var inviteeView = (await invitee.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{meeting}/meeting"))!;
        (inviteeView.InvitationUrl, inviteeView.Invitees).ShouldBe((null, null)); // passing it on is the holder's to do

        // A made-up invitation, or one for another meeting, lets nobody in; the stranger cannot even see the meeting.
        var another = await scene.BookAsync(TimeSpan.FromHours(2));
        var otherInvitation = (await holder.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{another}/meeting"))!.InvitationUrl!;
        var forged = $"/world/meeting/{meeting:N}" + otherInvitation[otherInvitation.IndexOf('?', StringComparison.Ordinal)..];
        (await stranger.GetStringAsync(forged)).ShouldContain("data-code=\"meeting.not-invited\"");
        (await stranger.GetStringAsync($"/world/meeting/{meeting:N}?invite=made-up")).ShouldContain("data-code=\"meeting.not-invited\"");
        (await stranger.GetAsync($"/api/v1/world/meetings/{meeting}/scene")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stranger.GetAsync($"/api/v1/bookings/{meeting}/meeting")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await scene.App.Anonymous().GetAsync($"/api/v1/world/meetings/{meeting}/scene")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, BothDatabases]
    public async Task The_room_opens_15_minutes_before_the_meeting_and_closes_at_its_end(Db db)
    {
        var scene = await MeetingScene.CreateAsync(await SharedApps.Blank(db));
        using var holder = await scene.App.SignedInAsync(scene.Holder, TestUsers.Password);
        async Task<string?> CodeAsync(Guid booking)
        {
            var response = await holder.GetAsync($"/api/v1/world/meetings/{booking}/scene");
            return response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<CodedProblem>())!.Code;
        }

        // Ten-minute meetings that do not overlap (the room cannot be booked twice at once).
        var brief = TimeSpan.FromMinutes(10);
        (await CodeAsync(await scene.BookAsync(TimeSpan.FromMinutes(12), brief))).ShouldBeNull();
        (await CodeAsync(await scene.BookAsync(TimeSpan.FromMinutes(30), brief))).ShouldBe("meeting.not-open-yet");
        (await CodeAsync(await scene.BookAsync(TimeSpan.FromHours(-2), brief))).ShouldBe("meeting.over");
        (await CodeAsync(await scene.BookAsync(TimeSpan.FromMinutes(-1), brief, status: BookingStatus.Pending))).ShouldBe("meeting.not-confirmed");
        (await CodeAsync(await scene.BookAsync(TimeSpan.FromMinutes(-1), brief, status: BookingStatus.Cancelled))).ShouldBe("meeting.not-confirmed");
        var studio = await scene.BookAsync(TimeSpan.Zero, spaceId: scene.StudioId);
        (await holder.GetAsync($"/api/v1/world/meetings/{studio}/scene")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not a meeting room
        (await holder.GetAsync($"/api/v1/bookings/{studio}/meeting")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var later = await scene.BookAsync(TimeSpan.FromHours(3));
        var page = await holder.GetStringAsync($"/world/meeting/{later:N}");
        page.ShouldContain("data-code=\"meeting.not-open-yet\"");
        page.ShouldContain("opens 15 minutes before the meeting starts");
    }

    [Theory, BothDatabases]
    public async Task Many_people_opening_the_invitation_at_once_are_each_recorded_once(Db db)
    {
        var scene = await MeetingScene.CreateAsync(await SharedApps.Blank(db));
        var meeting = await scene.BookAsync(TimeSpan.FromMinutes(-1));
        using var holder = await scene.App.SignedInAsync(scene.Holder, TestUsers.Password);
        var invitation = (await holder.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{meeting}/meeting"))!.InvitationUrl!;
        var guests = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            var email = SharedApps.Email("guest");
            await TestUsers.CreateAsync(scene.App, email, Features.Accounts.Roles.Employee);
            guests.Add(await scene.App.SignedInAsync(email, TestUsers.Password));
        }

        // Each guest opens the link three times at once, all guests together.
        var pages = await Task.WhenAll(guests.SelectMany(g => Enumerable.Range(0, 3).Select(_ => g.GetStringAsync(invitation))));

        pages.ShouldAllBe(p => !p.Contains("meeting-refused"));
        await using var scope = scene.App.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<MeetingInvitee>().Where(i => i.BookingId == meeting).ToListAsync();
        rows.Count.ShouldBe(8);
        rows.Select(r => r.UserId).Distinct().Count().ShouldBe(8);
        foreach (var guest in guests) guest.Dispose();
    }

    [Theory, BothDatabases]
    public async Task The_bookings_calendar_file_links_to_the_meeting_room(Db db)
    {
        var scene = await MeetingScene.CreateAsync(await SharedApps.Blank(db));
        var meeting = await scene.BookAsync(TimeSpan.FromDays(1));
        using var holder = await scene.App.SignedInAsync(scene.Holder, TestUsers.Password);

        var ics = await holder.GetStringAsync($"/api/v1/bookings/{meeting}/booking.ics");

        // Lines are folded at 75 octets: unfold before looking.
        ics.Replace("\r\n ", "", StringComparison.Ordinal).ShouldContain($"/world/meeting/{meeting:N}");
    }

    private sealed record Door(string RoomUrl, DateTimeOffset OpensAt, bool Open);

    [Theory, BothDatabases]
    public async Task The_rooms_door_in_the_park_shows_your_next_meeting_there_and_nobody_elses(Db db)
    {
        var scene = await MeetingScene.CreateAsync(await SharedApps.Blank(db));
        var now = await scene.BookAsync(TimeSpan.FromMinutes(-5), TimeSpan.FromMinutes(30));
        var later = await scene.BookAsync(TimeSpan.FromHours(3));
        using var holder = await scene.App.SignedInAsync(scene.Holder, TestUsers.Password);
        using var stranger = await scene.App.SignedInAsync(scene.Stranger, TestUsers.Password);

        var door = (await holder.GetFromJsonAsync<Door>($"/api/v1/world/meetings/door?space={scene.MeetingRoomId}"))!;
        (door.RoomUrl, door.Open).ShouldBe(($"/world/meeting/{now:N}", true));
        (await stranger.GetAsync($"/api/v1/world/meetings/door?space={scene.MeetingRoomId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await holder.GetAsync($"/api/v1/world/meetings/door?space={scene.StudioId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The invitee of the later meeting sees its door, not yet open.
        var invitation = (await holder.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{later}/meeting"))!.InvitationUrl!;
        using var invitee = await scene.App.SignedInAsync(scene.Invitee, TestUsers.Password);
        (await invitee.GetStringAsync(invitation)).ShouldContain("data-code=\"meeting.not-open-yet\"");
        var theirs = (await invitee.GetFromJsonAsync<Door>($"/api/v1/world/meetings/door?space={scene.MeetingRoomId}"))!;
        (theirs.RoomUrl, theirs.Open).ShouldBe(($"/world/meeting/{later:N}", false));
    }
}
