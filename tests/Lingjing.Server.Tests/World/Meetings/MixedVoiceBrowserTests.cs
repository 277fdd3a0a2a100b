using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.World.Media;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World.Meetings;

/// <summary>A meeting room large enough to mix its voices (here from two people, `Lingjing:Media:MixFrom=2`, with a peer
/// limit of 1 so the two are forwarded): each browser joins the room's AudioBridge mix through Janus (started on loopback by
/// test.sh) and hears the other's voice in it (the mix's audio level rises with Chromium's fake beep); nobody receives
/// a voice feed of its own any more, while a camera still comes through the VideoRoom as a feed.</summary>
public sealed class MixedVoiceBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const uint Mix = uint.MaxValue;
    private sealed record MeetingView(string RoomUrl, string? InvitationUrl);

    [Fact]
    public async Task A_large_meeting_hears_one_mix_of_its_voices_and_still_sees_cameras_one_by_one()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, new Dictionary<string, string?>
        {
            ["Lingjing:Media:Janus"] = TestJanus.Endpoint.ToString(),
            ["Lingjing:Media:JanusApiSecret"] = TestJanus.Secret,
            ["Lingjing:Media:JanusAdminKey"] = TestJanus.AdminKey,
            ["Lingjing:Media:PeerLimit"] = "1",
            ["Lingjing:Media:MixFrom"] = "2",
        }, kestrel: true);
        var scene = await MeetingScene.CreateAsync(app);
        var meeting = await scene.BookAsync(TimeSpan.FromMinutes(-5));
        using var api = await app.SignedInAsync(scene.Holder, TestUsers.Password);
        var links = (await api.GetFromJsonAsync<MeetingView>($"/api/v1/bookings/{meeting}/meeting"))!;
        var small = new ViewportSize { Width = 720, Height = 450 };
        var holder = await WorldPages.EnterAsync(chromium, app, scene.Holder, links.RoomUrl, password: TestUsers.Password, viewport: small);
        var invitee = await WorldPages.EnterAsync(chromium, app, scene.Invitee, links.InvitationUrl!, password: TestUsers.Password, viewport: small);

        foreach (var page in new[] { holder, invitee }) await page.GetByTestId("media-mic").ClickAsync();
        foreach (var page in new[] { holder, invitee })
        {
            await page.WaitForFunctionAsync("() => window.lingjingWorld.media().mix === 'connected'");
            // The other's beeps arrive in the mix: its audio grows and, now and then, is loud.
            var first = await MixAsync(page, _ => true);
            await MixAsync(page, now => now.GetProperty("audioBytes").GetInt64() > first.GetProperty("audioBytes").GetInt64());
            await MixAsync(page, now => now.GetProperty("audioLevel").GetDouble() > 0.01);
            (await page.EvaluateAsync<int>("() => window.lingjingWorld.media().peers.length")).ShouldBe(0, "voices come in the mix, not as feeds");
        }

        // A camera still comes as a feed of its own, through the VideoRoom.
        await holder.GetByTestId("media-camera").ClickAsync();
        await WorldPages.ReceivedAsync(invitee, s => s.Any(f => f.Video > 0));
        foreach (var page in new[] { holder, invitee }) await page.Context.CloseAsync();
    }

    /// <summary>Waits until the mix's entry in the page's media statistics satisfies the condition; returns it.</summary>
    private static async Task<JsonElement> MixAsync(IPage page, Func<JsonElement, bool> enough)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var stats = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.mediaStats()");
            var mix = stats.EnumerateArray().FirstOrDefault(f => f.GetProperty("id").GetDouble() == Mix);
            if (mix.ValueKind == JsonValueKind.Object && enough(mix)) return mix;
            if (DateTime.UtcNow > giveUp)
                throw new ShouldAssertException($"The mix never got there: {stats}");
            await page.EvaluateAsync("() => window.lingjingWorld.rendered(5)");
        }
    }
}
