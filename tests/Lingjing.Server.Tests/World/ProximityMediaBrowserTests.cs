using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World;

/// <summary>Two people in two Chromium pages with fake microphones and cameras meet in a park's world: standing
/// near each other they receive each other's audio and video over a direct WebRTC connection (inbound bytes rise
/// in the connections' own statistics), walking apart ends it, and do-not-disturb ends it too.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class ProximityMediaBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task People_near_each_other_hear_and_see_each_other_and_walking_apart_ends_it()
    {
        var app = await zone.App(Db.Sqlite);
        var parkId = await OpenParkAsync(app);
        var ana = await WorldPages.EnterAsync(chromium, app, "user0041@demo.lingjing.local", parkId);
        var ben = await WorldPages.EnterAsync(chromium, app, "user0042@demo.lingjing.local", parkId);
        var spawn = await ana.EvaluateAsync<double[]>("() => window.lingjingWorld.spawn");
        await WorldPages.WalkToAsync(ana, spawn[0] - 2, spawn[1]);
        await WorldPages.WalkToAsync(ben, spawn[0] + 2, spawn[1]);

        foreach (var page in new[] { ana, ben })
        {
            await page.GetByTestId("media-mic").ClickAsync();
            await page.GetByTestId("media-camera").ClickAsync();
            await Assertions.Expect(page.GetByTestId("media-mic")).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(page.GetByTestId("media-camera")).ToHaveAttributeAsync("aria-pressed", "true");
        }

        // Each receives the other's voice and picture, and more of it over time.
        foreach (var page in new[] { ana, ben })
        {
            var first = (await WorldPages.ReceivedAsync(page, s => s is [{ Audio: > 0, Video: > 0 }])).Single();
            await WorldPages.ReceivedAsync(page, s => s is [var now] && now.Audio > first.Audio && now.Video > first.Video);
        }
        await Assertions.Expect(ben.Locator(".world-video-bubble:not([hidden]) video")).ToHaveCountAsync(1);
        await WorldPages.ScreenshotAsync(ben, "world-conversation", settleFrames: 10);

        // Do-not-disturb ends the connection for both.
        await ben.GetByTestId("media-dnd").ClickAsync();
        await Assertions.Expect(ben.GetByTestId("media-status")).ToContainTextAsync("Do not disturb");
        await ana.WaitForFunctionAsync("() => window.lingjingWorld.media().peers.length === 0");
        await ben.GetByTestId("media-dnd").ClickAsync();
        await ana.WaitForFunctionAsync("() => window.lingjingWorld.media().peers.some(p => p.state === 'connected')");

        // Walking out of hearing ends it.
        await WorldPages.WalkToAsync(ben, spawn[0] + 40, spawn[1]);
        await ana.WaitForFunctionAsync("() => window.lingjingWorld.media().peers.length === 0");
        await ben.WaitForFunctionAsync("() => window.lingjingWorld.media().peers.length === 0");
        await ana.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_microphone_is_said_with_what_to_do_and_nothing_is_sent()
    {
        var app = await zone.App(Db.Sqlite);
        var parkId = await OpenParkAsync(app);
        // As when the person clicks "Block" on the browser's question.
        var page = await WorldPages.EnterAsync(chromium, app, "user0043@demo.lingjing.local", parkId,
            initScript: "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));");

        await page.GetByTestId("media-mic").ClickAsync();

        await Assertions.Expect(page.Locator(".world-media")).ToHaveAttributeAsync("data-problem", "denied");
        await Assertions.Expect(page.GetByTestId("media-status")).ToContainTextAsync("Allow the microphone and camera for this site");
        await Assertions.Expect(page.GetByTestId("media-mic")).ToHaveAttributeAsync("aria-pressed", "false");
        (await page.EvaluateAsync<string>("() => window.lingjingWorld.media().sending")).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    /// <summary>A small park open to guests (the two demo employees need not work in it).</summary>
    private static async Task<int> OpenParkAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        return await db.Set<Park>().Where(p => p.AllowsGuests).OrderBy(p => db.Set<Building>().Count(b => b.ParkId == p.Id)).ThenByDescending(p => p.Id)
            .Select(p => p.Id).FirstAsync();
    }
}
