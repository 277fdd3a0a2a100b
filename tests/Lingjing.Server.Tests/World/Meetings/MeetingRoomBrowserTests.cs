using System.Net.Http.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.WorldRealtime;
using Lingjing.World;
using Lingjing.World.Protocol;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World.Meetings;

/// <summary>A meeting in its room, in Chromium with fake media: the holder and an invitee from another enterprise
/// (who came by the invitation link) stand at opposite ends of the room, farther apart than voices carry in a park,
/// and still hear each other; the holder's shared screen shows on the room's wall screen. A stranger's page says
/// they are not invited, and the world refuses their socket: they receive nothing from the room.</summary>
public sealed class MeetingRoomBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private sealed record MeetingView(string RoomUrl, string? InvitationUrl);

    [Fact]
    public async Task Everyone_in_the_room_hears_everyone_sees_the_shared_screen_on_the_wall_and_strangers_get_nothing()
    {
        // In a park voices carry 3 m here; the room (capacity 30: 10 x 7.5 m) carries them across.
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false,
            new Dictionary<string, string?> { ["Lingjing:Media:HearingRadiusCm"] = "300" }, kestrel: true);
        var scene = await MeetingScene.CreateAsync(app, capacity: 30);
        var meeting = await scene.BookAsync(TimeSpan.FromMinutes(-5));
        using var api = await app.SignedInAsync(scene.Holder, TestUsers.Password);
        var links = (await api.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{meeting}/meeting"))!;

        // The holder comes in by the room's door in the park world: its card offers the meeting.
        var holder = await WorldPages.EnterAsync(chromium, app, scene.Holder, $"/world/{scene.ParkId}?space={scene.MeetingRoomId}", settle: false,
            password: TestUsers.Password, initScript: WorldPages.FakeScreen);
        var door = holder.GetByTestId("world-meeting-door");
        await Assertions.Expect(door).ToHaveAttributeAsync("href", links.RoomUrl);
        await door.ClickAsync();
        await holder.WaitForURLAsync(url => url.EndsWith(links.RoomUrl, StringComparison.Ordinal));
        await holder.Locator("#lingjing-world[data-world-state=ready][data-world-connection=online]").WaitForAsync();
        (await holder.EvaluateAsync<string>("() => window.lingjingWorld.kind")).ShouldBe("meeting");
        var invitee = await WorldPages.EnterAsync(chromium, app, scene.Invitee, links.InvitationUrl!, password: TestUsers.Password);
        (await invitee.EvaluateAsync<string>("() => window.lingjingWorld.kind")).ShouldBe("meeting");
        await WorldPages.WalkToAsync(holder, -4, 2.5);
        await WorldPages.WalkToAsync(invitee, 4, -1.5);

        foreach (var page in new[] { holder, invitee }) await page.GetByTestId("media-mic").ClickAsync();
        foreach (var page in new[] { holder, invitee })
        {
            var first = (await WorldPages.ReceivedAsync(page, s => s is [{ Audio: > 0 }])).Single();
            await WorldPages.ReceivedAsync(page, s => s is [var now] && now.Audio > first.Audio);
        }

        await holder.GetByTestId("media-screen").ClickAsync();
        var holderId = await holder.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
        await invitee.WaitForFunctionAsync($"() => {{ const s = window.lingjingWorld.roomScreen(); return s.showing && s.peer === {holderId}; }}");
        // The fake screen is a saturated colour, changing ten times a second: neither black nor grey nor white.
        await invitee.WaitForFunctionAsync("() => { const [r, g, b] = window.lingjingWorld.roomScreen().centre; return Math.max(r, g, b) - Math.min(r, g, b) > 60; }");
        await WorldPages.ScreenshotAsync(invitee, "meeting-room");

        // A stranger: the page refuses them, and so does the world when they try its socket directly.
        var stranger = await chromium.SignInAsync(app.BaseAddress!, scene.Stranger, TestUsers.Password);
        await stranger.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await stranger.GotoAsync(links.RoomUrl);
        await Assertions.Expect(stranger.GetByTestId("meeting-refused")).ToContainTextAsync("Ask them for the invitation link");
        (await stranger.Locator("#lingjing-world").CountAsync()).ShouldBe(0);
        await using var socket = await WorldTestClient.ConnectAsync(app.BaseAddress!, await app.TokenAsync(scene.Stranger, TestUsers.Password));
        await socket.SendAsync(new ClientFrame { Hello = new Hello { WorldId = $"meeting-{meeting:N}", ProtocolVersion = 1 } });
        (await socket.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.NotAdmitted);
        (await holder.EvaluateAsync<int>("() => window.lingjingWorld.remoteAvatars")).ShouldBe(1); // the invitee only

        foreach (var page in new[] { holder, invitee, stranger }) await page.Context.CloseAsync();
    }
}
