using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Lingjing.Server.Tests.World;

/// <summary>The world page in Chromium, signed in with a bearer token, over a park written for the test
/// (36 buildings, 36 spaces, 288 enterprises). One test refuses the world socket to show that the scene
/// stays usable on its own.</summary>
public sealed class WorldPageBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private LingjingApp app = null!;
    private int parkId;
    private string token = "";

    public async Task InitializeAsync()
    {
        app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        parkId = (await WorldTestZone.AddParkAsync(app, "B01", buildings: 36, enterprisesPerBuilding: 8)).Id;
        await WorldTestZone.AddParkAsync(app, "B02", buildings: 9, latitude: 39.93, longitude: 116.45);
        await TestUsers.CreateAsync(app, "walker@test.local", Roles.Employee);
        // Over the real port: the factory's in-memory clients do not reach a Kestrel-hosted app.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = "walker@test.local", password = TestUsers.Password });
        response.EnsureSuccessStatusCode();
        token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private readonly List<IBrowserContext> contexts = [];

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
        await app.DisposeAsync();
    }

    private async Task<IPage> OpenAsync(string path, bool withoutWorldSocket = false)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            BaseURL = app.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            Locale = "en-US",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        contexts.Add(context);
        context.SetDefaultTimeout(30_000);
        // The socket opens and is closed at once (1011), as when the world server is down.
        if (withoutWorldSocket) await context.RouteWebSocketAsync("**/world/ws", socket => socket.CloseAsync(new() { Code = 1011 }));
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            // The refused world socket logs an error too; after the test the output helper is gone.
            try { if (message.Type == "error") output.WriteLine("console: " + message.Text); }
            catch (InvalidOperationException) { }
        };
        await page.GotoAsync(path);
        await page.Locator("#lingjing-world[data-world-state=ready]").WaitForAsync();
        return page;
    }

    private static async Task<JsonElement> StatusAsync(IPage page) =>
        await page.EvaluateAsync<JsonElement>("() => JSON.parse(JSON.stringify(window.lingjingWorld))");

    [Fact]
    public async Task Park_world_is_built_from_the_database()
    {
        var page = await OpenAsync($"/world/{parkId}");

        var status = await StatusAsync(page);
        status.GetProperty("buildings").GetInt32().ShouldBe(36);
        status.GetProperty("spaces").GetInt32().ShouldBe(36);
        status.GetProperty("showrooms").GetInt32().ShouldBe(36);
        output.WriteLine($"First frame after {status.GetProperty("firstFrameMs").GetInt32()} ms (36 buildings, 36 spaces, 1280x720, headless Chromium)");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("B01 Culture Park");
        await WorldPages.ScreenshotAsync(page, "world-park");
    }

    [Fact]
    public async Task A_still_view_is_redrawn_only_now_and_then_and_the_graphics_choice_is_remembered()
    {
        var page = await OpenAsync($"/world/{parkId}");
        await page.Locator("#lingjing-world[data-world-connection=online]").WaitForAsync();
        await page.WaitForFunctionAsync("() => !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 });

        // Nothing moves: the view is redrawn every two seconds, while the page's clock ticks on (sixty times a second on
        // an idle machine; a world drawn on every tick would draw as often as it ticks).
        await page.WaitForFunctionAsync("() => window.lingjingWorld.drawing() === 'still'");
        var counted = await page.EvaluateAsync<int[]>("""
            async () => {
              const before = window.lingjingWorld.framesDrawn();
              let ticks = 0;
              const end = performance.now() + 3000; // a rate measured over a window of time
              await new Promise(done => { const tick = () => { ticks++; if (performance.now() < end) requestAnimationFrame(tick); else done(); }; requestAnimationFrame(tick); });
              return [ticks, window.lingjingWorld.framesDrawn() - before];
            }
            """);
        var (ticks, drawn) = (counted[0], counted[1]);
        drawn.ShouldBeInRange(1, 4); // every two seconds, or when something asks for a frame
        ticks.ShouldBeGreaterThan(drawn * 3);

        // A key held down: every frame again.
        await page.Keyboard.DownAsync("w");
        await page.WaitForFunctionAsync("() => window.lingjingWorld.drawing() === 'every frame'");
        await page.Keyboard.UpAsync("w");

        // Light is chosen, drawn at half resolution each way, and still chosen after a reload.
        // (Automatic may have gone light already while walking on a slow machine: sharp first.)
        await page.SelectOptionAsync("[data-testid=world-graphics]", "sharp");
        var sharpWidth = await page.Locator("canvas.world-canvas").EvaluateAsync<int>("c => c.width");
        sharpWidth.ShouldBe(1280);
        await page.SelectOptionAsync("[data-testid=world-graphics]", "light");
        (await page.EvaluateAsync<string>("() => window.lingjingWorld.graphics()")).ShouldBe("light");
        await page.WaitForFunctionAsync($"() => document.querySelector('canvas.world-canvas').width === {sharpWidth / 2}");
        await page.ReloadAsync();
        await page.Locator("#lingjing-world[data-world-state=ready]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("world-graphics")).ToHaveValueAsync("light");
        (await page.EvaluateAsync<string>("() => window.lingjingWorld.graphics()")).ShouldBe("light");
        await page.SelectOptionAsync("[data-testid=world-graphics]", "sharp");
        await page.WaitForFunctionAsync($"() => document.querySelector('canvas.world-canvas').width === {sharpWidth}");
        await page.SelectOptionAsync("[data-testid=world-graphics]", "auto"); // the next test on this machine starts automatic
    }

    [Fact]
    public async Task Clicking_a_space_shows_its_details_and_books_its_next_free_slot_in_one_click()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Space 4 is one of the test park's closed spaces: open it every day, all day.
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            await db.Set<Space>().Where(s => s.ParkId == parkId && s.NameEn == "Space 4").ExecuteUpdateAsync(s => s.SetProperty(x => x.OpenDays, 0b111_1111));
        }
        var page = await OpenAsync($"/world/{parkId}");
        // Once joined, the avatar walks from the server's spawn to open ground and the camera follows: wait until it stands.
        await page.Locator("#lingjing-world[data-world-connection=online]").WaitForAsync();
        await page.WaitForFunctionAsync("() => !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 }); // slow frames on a loaded machine
        await page.EvaluateAsync("() => window.lingjingWorld.rendered(60)"); // the follow camera settles
        // The space marker nearest to where the avatar arrives (the park's entrance in the south): space 4 at (2, -118), 1.5 m up.
        var spot = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.screenPoint(2, 1.5, -118)");

        await page.Mouse.ClickAsync(spot.GetProperty("x").GetSingle(), spot.GetProperty("y").GetSingle());

        var details = page.Locator(".world-space");
        await Assertions.Expect(details).ToBeVisibleAsync();
        await Assertions.Expect(details).ToContainTextAsync("Space 4");
        await Assertions.Expect(details).ToContainTextAsync("Capacity");
        var spaceId = await details.GetAttributeAsync("data-space-id");
        await Assertions.Expect(details.GetByRole(AriaRole.Link, new() { Name = "Other times" })).ToHaveAttributeAsync("href", $"/directory/spaces/{spaceId}#book");

        await details.GetByRole(AriaRole.Button, new() { Name = "Book next free slot" }).ClickAsync();

        var result = details.Locator(".world-space-result");
        await Assertions.Expect(result).ToContainTextAsync("Booked:");
        var bookingId = await result.GetAttributeAsync("data-booking-id");
        await Assertions.Expect(result.GetByRole(AriaRole.Link, new() { Name = "View booking" })).ToHaveAttributeAsync("href", $"/bookings/{bookingId}");
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var booking = await http.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}");
        booking.GetProperty("spaceId").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(spaceId);
        booking.GetProperty("status").GetString().ShouldBe("confirmed");
    }

    [Fact]
    public async Task Keys_walk_the_avatar_and_the_world_stays_usable_without_the_world_socket()
    {
        var page = await OpenAsync($"/world/{parkId}", withoutWorldSocket: true);
        var before = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.position()");

        await page.Keyboard.DownAsync("w");
        await page.WaitForFunctionAsync($"() => Math.abs(window.lingjingWorld.position().z - {before.GetProperty("z").GetDouble()}) > 1");
        await page.Keyboard.UpAsync("w");

        await Assertions.Expect(page.Locator("[data-connection=offline]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Chat_text_is_shown_as_text_never_as_markup()
    {
        var page = await OpenAsync($"/world/{parkId}");
        await page.Locator("#lingjing-world[data-world-connection=online]").WaitForAsync();

        // Nearby chat comes back from the server to its sender: shown as the characters typed.
        await page.GetByLabel("Message").FillAsync("<img src=x onerror=alert(1)>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(page.Locator(".world-chat-list .chat-text")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        (await page.Locator(".world-chat img").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Uploaded_model_replaces_the_generated_building()
    {
        int buildingId;
        await using (var scope = app.Services.CreateAsyncScope())
            buildingId = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Building>().Where(b => b.ParkId == parkId).MinAsync(b => b.Id);
        await TestUsers.CreateAsync(app, "operator@test.local", Roles.ParkOperator, parkId: parkId);
        var operatorClient = await app.SignedInAsync("operator@test.local", TestUsers.Password);
        var body = new ByteArrayContent(TestGlb.Triangle());
        body.Headers.ContentType = new("model/gltf-binary");
        (await operatorClient.PutAsync($"/api/v1/world/buildings/{buildingId}/model", body)).EnsureSuccessStatusCode();

        var page = await OpenAsync($"/world/{parkId}");

        await page.WaitForFunctionAsync("() => window.lingjingWorld.models === 1");
    }

    [Fact]
    public async Task Zone_world_places_every_park()
    {
        var page = await OpenAsync("/world/zone");

        var status = await StatusAsync(page);
        status.GetProperty("kind").GetString().ShouldBe("zone");
        status.GetProperty("buildings").GetInt32().ShouldBe(2); // one merged mesh per park
        status.GetProperty("spaces").GetInt32().ShouldBe(45);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The whole zone");
        // The picture of the zone comes from the demo zone (DemoWorldBrowserTests): this app's zone world was made
        // before the test wrote its parks, so arrivals stand between them.
    }
}
