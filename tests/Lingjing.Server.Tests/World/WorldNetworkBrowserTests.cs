using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.World.Protocol;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World;

/// <summary>The world client against a small protocol server (<see cref="FakeWorldServer"/>) that the test
/// controls frame by frame: what a real server cannot be made to do on cue (snapshots at chosen points,
/// a dropped connection). Meeting, chat, history and leaving over the real /world/ws are in
/// <see cref="SharedWorldBrowserTests"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xUnit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class WorldNetworkBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private readonly FakeWorldServer world = new();
    private LingjingApp app = null!;
    private IBrowserContext? context;
    private int parkId;

    public async Task InitializeAsync()
    {
        app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true, services: services => services.AddSingleton<IStartupFilter>(world));
        parkId = (await WorldTestZone.AddParkAsync(app, "N01", buildings: 4, enterprisesPerBuilding: 1)).Id;
        await TestUsers.CreateAsync(app, "walker@test.local", Roles.Employee);
    }

    public async Task DisposeAsync()
    {
        if (context is not null) await context.CloseAsync();
        await app.DisposeAsync();
        world.Dispose();
    }

    private async Task<IPage> OpenAsync()
    {
        var address = app.BaseAddress!.ToString().TrimEnd('/');
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = "walker@test.local", password = TestUsers.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            BaseURL = address,
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token.GetProperty("accessToken").GetString() },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/world/{parkId}");
        await page.Locator("[data-world-connection=online]").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task Remote_avatar_glides_between_snapshots()
    {
        var page = await OpenAsync();
        await page.WaitForFunctionAsync("() => window.lingjingWorld.remoteAvatars === 1");

        // The bot jumps 1 m a step; remote avatars are replayed ~100 ms behind the server, blended between the poses
        // received. What is drawn on a given frame depends on how fast the machine renders (a loaded machine draws
        // a frame every second or two, and then only whole metres), so the test reads the replayed path itself:
        // every received pose and the blend a quarter of the way to the next.
        var between = new HashSet<double>();
        for (var step = 1; step <= 12; step++)
        {
            world.BotX = step;
            await page.WaitForFunctionAsync($"() => window.lingjingWorld.replayedPath({FakeWorldServer.BotId}).at(-1) === {step}",
                null, new PageWaitForFunctionOptions { PollingInterval = 20 });
            var path = await page.EvaluateAsync<double[]>($"() => window.lingjingWorld.replayedPath({FakeWorldServer.BotId})");
            path.ShouldBe(path.Order().ToArray()); // never jumps back
            between.UnionWith(path.Where(x => Math.Abs(x - Math.Round(x)) > 0.05)); // positions between the poses received
        }

        between.Count.ShouldBeGreaterThan(5);
        await page.WaitForFunctionAsync("() => window.lingjingWorld.remotePositions()[0].x === 12"); // drawn where it stopped
    }

    [Fact]
    public async Task Walking_sends_increasing_inputs_and_standing_still_sends_none()
    {
        var page = await OpenAsync();

        await page.Keyboard.DownAsync("w");
        await page.WaitForFunctionAsync("() => window.lingjingWorld.position().z > 3");
        await page.Keyboard.UpAsync("w");
        // Stopping is itself news (state idle): wait until the inputs end with it and have settled (a page
        // slowed by a busy machine may still be sending the last steps), then listen for silence.
        var inputs = await SettledInputsAsync();
        await page.WaitForTimeoutAsync(700);

        inputs.Count.ShouldBeGreaterThan(2);
        inputs.Select(i => i.Seq).ShouldBe(Enumerable.Range(1, inputs.Count).Select(i => (uint)i));
        inputs.Last().Z.ShouldBeGreaterThan(300);
        inputs.Last().State.ShouldBe(MovementState.Idle);
        world.Received.Count(f => f.Input is not null).ShouldBe(inputs.Count); // nothing more while standing
    }

    private async Task<List<Input>> SettledInputsAsync()
    {
        var count = -1;
        for (var wait = 0; wait < 150; wait++)
        {
            var inputs = world.Received.Where(f => f.Input is not null).Select(f => f.Input!).ToList();
            if (inputs.Count == count && inputs.LastOrDefault()?.State == MovementState.Idle) return inputs;
            count = inputs.Count;
            await Task.Delay(200);
        }
        throw new TimeoutException("The page kept sending inputs for 30 s after the key was released.");
    }

    [Fact]
    public async Task Dropped_connection_is_shown_and_comes_back_by_itself()
    {
        var page = await OpenAsync();

        await world.FailAsync();

        // The badge says offline until the next connection is welcomed: on a loaded machine that spell can be over
        // before a look at the page, so the page's own record of its states is read too.
        await page.WaitForFunctionAsync("() => { const h = window.lingjingWorld.connectionHistory; return h.indexOf('offline') > h.indexOf('online'); }");
        await page.WaitForFunctionAsync("() => window.lingjingWorld.connectionHistory.at(-1) === 'online'");
        await Assertions.Expect(page.Locator(".world-connection")).ToHaveAttributeAsync("data-connection", "online");
        world.Connections.ShouldBe(2);
        world.Received.Count(f => f.Hello is not null).ShouldBe(2);
    }
}
