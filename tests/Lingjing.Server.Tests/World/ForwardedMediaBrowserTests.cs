using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.World.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World;

/// <summary>Four people standing together, with a peer limit of two: too many for direct connections, so the
/// server marks the group as forwarded and everyone's voice (and one camera) goes through Janus, started on
/// loopback by test.sh. Each receives the others from Janus (inbound bytes rising in the connections' statistics);
/// whoever walks out of hearing stops receiving them.</summary>
public sealed class ForwardedMediaBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const int Group = 4;
    private const int HearingRadiusMetres = 6;

    // Four pages draw at once under software rendering (more starve the machine at the end of the suite): small ones keep the frames coming.
    private static readonly ViewportSize Small = new() { Width = 720, Height = 450 };

    [Fact]
    public async Task A_group_larger_than_the_peer_limit_talks_through_Janus_and_walking_away_ends_it()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, JanusSettings(peerLimit: 2), kestrel: true);
        var parkId = await ParkAsync(app);
        var pages = new List<IPage>();
        for (var i = 0; i < Group; i++)
        {
            var email = SharedApps.Email($"forwarded{i}");
            await TestUsers.CreateAsync(app, email, Roles.ParkOperator, parkId);
            pages.Add(await WorldPages.EnterAsync(chromium, app, email, parkId, password: TestUsers.Password, viewport: Small,
                initScript: i == 1 ? WorldPages.FakeScreen : null));
        }
        // Everyone arrived within 2 m of the spawn point (SpawnScatterCm), well within hearing of each other.
        var spawn = await pages[0].EvaluateAsync<double[]>("() => { const p = window.lingjingWorld.position(); return [p.x, p.z]; }");

        foreach (var page in pages) await page.GetByTestId("media-mic").ClickAsync();
        await pages[0].GetByTestId("media-camera").ClickAsync();
        await pages[1].GetByTestId("media-screen").ClickAsync();

        // Everyone sends once, to Janus, and receives each of the others from it.
        foreach (var page in pages)
            await WaitForMediaAsync(pages, page,
                $"m.forwarded && m.peers.filter(p => p.via === 'forwarder' && p.state === 'connected').length === {Group - 1}");
        // The others listen to the camera's owner (page 0): page 0's own feeds are the same forwarder path.
        foreach (var page in pages.Skip(1))
        {
            var first = await WorldPages.ReceivedAsync(page, s => s.Count == Group - 1 && s.All(f => f.Audio > 0));
            await WorldPages.ReceivedAsync(page, s => s.Count == Group - 1 && s.All(f => f.Audio > first.Single(b => b.Id == f.Id).Audio));
            // The one camera on reaches everyone through Janus as well.
            await WorldPages.ReceivedAsync(page, s => s.Any(f => f.Video > 0));
        }
        (await pages[1].EvaluateAsync<int>("() => window.lingjingWorld.media().peers.filter(p => p.via === 'direct').length")).ShouldBe(0);
        // The shared screen reaches the others through Janus too, in the screens panel.
        await Assertions.Expect(pages[2].Locator(".world-screens:not([hidden]) .world-screen:not([hidden]) video")).ToHaveCountAsync(1);

        // The last one walks out of hearing: nobody receives them any more, and they receive nobody.
        var leaver = pages[^1];
        var leaverId = await leaver.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
        await WorldPages.WalkToAsync(leaver, spawn[0] + 2 * HearingRadiusMetres, spawn[1]);
        await leaver.WaitForFunctionAsync("() => window.lingjingWorld.media().peers.length === 0");
        foreach (var page in pages.Take(Group - 1))
            await page.WaitForFunctionAsync($"() => !window.lingjingWorld.media().peers.some(p => p.id === {leaverId})");
        foreach (var page in pages) await page.Context.CloseAsync();
    }

    /// <summary>Waits until the page's media status <c>m</c> meets the condition; on a timeout, says what every page had.</summary>
    private static async Task WaitForMediaAsync(List<IPage> pages, IPage page, string condition)
    {
        try
        {
            await page.WaitForFunctionAsync($"() => {{ const m = window.lingjingWorld.media(); return {condition}; }}");
        }
        catch (TimeoutException)
        {
            var seen = new List<string>();
            foreach (var each in pages)
                seen.Add(await each.EvaluateAsync<string>("() => window.lingjingWorld.selfId + ' at ' + JSON.stringify(window.lingjingWorld.position()) + ': ' + JSON.stringify(window.lingjingWorld.media())"));
            throw new ShouldAssertException($"Media never met {condition}:\n{string.Join("\n", seen)}");
        }
    }

    /// <summary>The Janus test.sh started, a peer limit small enough for a handful of browsers to exceed, arrivals
    /// within 2 m of the spawn point, so the group stands within hearing without walking, and a hearing radius a
    /// short walk leaves.</summary>
    private static Dictionary<string, string?> JanusSettings(int peerLimit) => new(TestJanus.Settings(peerLimit))
    {
        ["Lingjing:World:SpawnScatterCm"] = "200",
        ["Lingjing:Media:HearingRadiusCm"] = (HearingRadiusMetres * 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<int> ParkAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = ZoneRows.Park("Forwarded media park");
        db.Add(park);
        await db.SaveChangesAsync();
        return park.Id;
    }
}
