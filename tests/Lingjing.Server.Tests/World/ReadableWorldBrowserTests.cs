using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World;

/// <summary>A world people can read (issue 13): you arrive at the entrance, marked and followed by the
/// camera; indoor spaces open a card with Book and Enter; the overlay's panels never cover each other.
/// Over a park written for the test (36 buildings in a grid, a space by each).</summary>
public sealed class ReadableWorldBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private LingjingApp app = null!;
    private int parkId;
    private readonly List<IBrowserContext> contexts = [];

    public async Task InitializeAsync()
    {
        app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        parkId = (await WorldTestZone.AddParkAsync(app, "R01", buildings: 36, enterprisesPerBuilding: 2)).Id;
        await TestUsers.CreateAsync(app, "reader@test.local", Roles.Employee);
        await TestUsers.CreateAsync(app, "other@test.local", Roles.Employee);
        await TestUsers.CreateAsync(app, "operator@test.local", Roles.ParkOperator, parkId: parkId);
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts) await context.CloseAsync();
        await app.DisposeAsync();
    }

    private async Task<IPage> OpenAsync(string email, int width = 1280, int height = 720, bool touch = false)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestUsers.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            BaseURL = app.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
            IsMobile = touch,
            Locale = "en-US",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        });
        contexts.Add(context);
        context.SetDefaultTimeout(90_000); // software rendering draws few frames a second on a loaded machine
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/world/{parkId}");
        await page.Locator("#lingjing-world[data-world-state=ready][data-world-connection=online]").WaitForAsync();
        return page;
    }

    private static async Task SettleAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 });
        await page.EvaluateAsync("() => window.lingjingWorld.rendered(40)"); // the follow camera glides after the avatar
    }

    private async Task<double[][][]> FootprintsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var stored = await db.Set<Building>().Where(b => b.ParkId == parkId).Select(b => b.Footprint).ToListAsync();
        return stored.Select(f => JsonSerializer.Deserialize<double[][]>(f)!).ToArray();
    }

    private static (double X, double Z) Point(JsonElement p) => (p.GetProperty("x").GetDouble(), p.GetProperty("z").GetDouble());

    [Fact]
    public async Task You_arrive_at_the_entrance_outside_every_building_marked_and_followed_by_the_camera()
    {
        var page = await OpenAsync("reader@test.local");
        await SettleAsync(page);
        var footprints = await FootprintsAsync();

        var (x, z) = Point(await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.position()"));
        footprints.ShouldAllBe(f => PlaneGeometry.DistanceToPolygon(x, z, f) > 2, $"you stand at ({x:0.0}, {z:0.0})");
        z.ShouldBeLessThan(-100); // the test park's south edge is at z = -140: the entrance, not the middle
        (await page.EvaluateAsync<bool>("() => window.lingjingWorld.selfMarked")).ShouldBeTrue();
        // Names are drawn, and never on top of each other.
        var labels = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.labelsShown()");
        labels.GetArrayLength().ShouldBeGreaterThan(1);
        var boxes = labels.EnumerateArray().Select(l => (Text: l.GetProperty("text").GetString(), X: l.GetProperty("x").GetDouble(), Y: l.GetProperty("y").GetDouble(),
            W: l.GetProperty("width").GetDouble(), H: l.GetProperty("height").GetDouble())).ToList();
        foreach (var a in boxes)
            foreach (var b in boxes.Where(b => b != a))
                (Math.Abs(a.X - b.X) * 2 < a.W + b.W && Math.Abs(a.Y - b.Y) * 2 < a.H + b.H).ShouldBeFalse($"{a.Text} overlaps {b.Text}");
        (await page.Locator("canvas").CountAsync()).ShouldBe(1);
        var camera = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.camera()");
        camera.GetProperty("radius").GetDouble().ShouldBeLessThan(40); // close enough that you are more than a dot
        var radius = camera.GetProperty("radius").GetDouble();

        await page.Keyboard.DownAsync("w");
        await page.WaitForFunctionAsync($"() => Math.abs(window.lingjingWorld.position().z - {WorldPages.Js(z)}) > 6");
        await page.Keyboard.UpAsync("w");
        await SettleAsync(page);

        var moved = Point(await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.position()"));
        var followed = Point(await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.camera()"));
        double.Hypot(moved.X - followed.X, moved.Z - followed.Z).ShouldBeLessThan(1.5, "the camera looks at you after you moved");
        // ... from as far as before: it came along, rather than turning to watch you walk away.
        (await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.camera()")).GetProperty("radius").GetDouble().ShouldBe(radius, 0.5);
        // Q turns the view around you; the wheel zooms, within limits.
        var alpha = (await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.camera()")).GetProperty("alpha").GetDouble();
        await page.Keyboard.DownAsync("q");
        await page.WaitForFunctionAsync($"() => Math.abs(window.lingjingWorld.camera().alpha - {WorldPages.Js(alpha)}) > 0.3");
        await page.Keyboard.UpAsync("q");
        var box = (await page.Locator("canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        for (var i = 0; i < 30; i++) await page.Mouse.WheelAsync(0, 2000);
        await page.EvaluateAsync("() => window.lingjingWorld.rendered(5)");
        (await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.camera()")).GetProperty("radius").GetDouble().ShouldBeLessThanOrEqualTo(260.01);
    }

    [Fact]
    public async Task Clicking_an_indoor_space_opens_its_card_with_the_next_free_slot_book_and_enter()
    {
        int spaceId, buildingId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Space 4 moves inside its building (building 4 spans x 5..29, z -115..-97) and opens every day.
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var space = await db.Set<Space>().SingleAsync(s => s.ParkId == parkId && s.NameEn == "Space 4");
            space.X = 17;
            space.Y = -109;
            space.OpenDays = 0b111_1111;
            await db.SaveChangesAsync();
            spaceId = space.Id;
            buildingId = space.BuildingId!.Value;
        }
        var page = await OpenAsync("reader@test.local");
        await SettleAsync(page);
        var footprints = await FootprintsAsync();

        // Its pin stands outside the building, at the door on the nearest wall (the south wall, z = -115).
        var place = await page.EvaluateAsync<double[]>($"() => window.lingjingWorld.spacePlace({spaceId})");
        footprints.ShouldAllBe(f => !PlaneGeometry.Contains(f, place[0], place[1]));
        place[1].ShouldBe(-117, 0.2);
        // Walk up to it (the camera behind you, looking north at the building).
        await WorldPages.WalkToAsync(page, place[0], place[1] - 9);
        await page.EvaluateAsync("() => window.lingjingWorld.rendered(40)");
        var spot = await page.EvaluateAsync<JsonElement>($"() => window.lingjingWorld.screenPoint({WorldPages.Js(place[0])}, 1.5, {WorldPages.Js(place[1])})");
        (await page.EvaluateAsync<string?>($"() => window.lingjingWorld.pickedAt({WorldPages.Js(spot.GetProperty("x").GetDouble())}, {WorldPages.Js(spot.GetProperty("y").GetDouble())})")).ShouldBe("space-markers");
        await page.Mouse.ClickAsync(spot.GetProperty("x").GetSingle(), spot.GetProperty("y").GetSingle());

        var card = page.Locator(".world-space");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("Space 4");
        await Assertions.Expect(card).ToContainTextAsync("Exhibition hall");
        await Assertions.Expect(card).ToContainTextAsync("53 people");
        await Assertions.Expect(card.Locator("[data-testid=world-next-free]")).ToHaveAttributeAsync("data-state", "free");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Book next free slot" })).ToBeVisibleAsync();
        await card.Locator(".btn-close").ClickAsync();
        await Assertions.Expect(card).ToBeHiddenAsync();

        // Clicking the building's wall opens the card of the space inside it too.
        var wall = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.screenPoint(12, 4, -115)");
        (await page.EvaluateAsync<string?>($"() => window.lingjingWorld.pickedAt({WorldPages.Js(wall.GetProperty("x").GetDouble())}, {WorldPages.Js(wall.GetProperty("y").GetDouble())})")).ShouldBe("building-" + buildingId);
        await page.Mouse.ClickAsync(wall.GetProperty("x").GetSingle(), wall.GetProperty("y").GetSingle());
        await Assertions.Expect(card).ToHaveAttributeAsync("data-space-id", spaceId.ToString(CultureInfo.InvariantCulture));

        // Enter walks you to its door.
        await card.GetByRole(AriaRole.Button, new() { Name = "Enter" }).ClickAsync();
        await Assertions.Expect(card).ToBeHiddenAsync();
        await page.WaitForFunctionAsync(
            $"() => {{ const p = window.lingjingWorld.position(); return Math.hypot(p.x - {WorldPages.Js(place[0])}, p.z - {WorldPages.Js(place[1])}) < 1; }}",
            null, new() { Timeout = 120_000 });
    }

    [Fact]
    public async Task On_a_phone_the_emote_bar_never_covers_the_chat_and_voice_and_video_stay_within_reach()
    {
        var page = await OpenAsync("reader@test.local", 390, 844, touch: true);

        var chat = (await page.Locator(".world-chat").BoundingBoxAsync())!;
        var emotes = (await page.Locator(".world-emotes").BoundingBoxAsync())!;

        Overlap(chat, emotes).ShouldBeFalse($"chat {Show(chat)}, emotes {Show(emotes)}");
        (emotes.X + emotes.Width).ShouldBeLessThanOrEqualTo(390); // all on the screen
        (chat.Y + chat.Height).ShouldBeLessThanOrEqualTo(844);
        await Assertions.Expect(page.Locator(".world-emotes button").Last).ToBeInViewportAsync();
        // Voice and video stay within reach on a phone, clear of the chat and the emotes.
        await Assertions.Expect(page.GetByTestId("media-mic")).ToBeInViewportAsync();
        var media = (await page.Locator(".world-media").BoundingBoxAsync())!;
        Overlap(media, chat).ShouldBeFalse($"media {Show(media)}, chat {Show(chat)}");
        Overlap(media, emotes).ShouldBeFalse($"media {Show(media)}, emotes {Show(emotes)}");
        (media.X + media.Width).ShouldBeLessThanOrEqualTo(390);
    }

    [Fact]
    public async Task The_occupancy_panel_never_covers_the_moderation_buttons()
    {
        var visitor = await OpenAsync("other@test.local");
        // The operator signs in with the form, as operators do (the moderation buttons follow the portal's sign-in).
        var operatorPage = await chromium.SignInAsync(app.BaseAddress!, "operator@test.local", TestUsers.Password);
        contexts.Add(operatorPage.Context);
        operatorPage.Context.SetDefaultTimeout(90_000);
        // The test park has no sensors: the live-twins answer is made up, one space at 10 of 53 people, so the occupancy panel shows.
        int spaceId;
        await using (var scope = app.Services.CreateAsyncScope())
            spaceId = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Space>().Where(s => s.ParkId == parkId).MinAsync(s => s.Id);
        await operatorPage.Context.RouteAsync("**/api/v1/world/twins**", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = string.Create(CultureInfo.InvariantCulture, $$"""{"spaces":[{"spaceId":{{spaceId}},"occupancy":10,"capacity":53,"temperature":21.5}],"machines":[]}"""),
        }));
        await operatorPage.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await operatorPage.SetViewportSizeAsync(1280, 600);
        await operatorPage.GotoAsync($"/world/{parkId}");
        await operatorPage.Locator("#lingjing-world[data-world-state=ready][data-world-connection=online]").WaitForAsync();
        var actions = operatorPage.Locator(".world-people .person-action");
        await Assertions.Expect(actions.First).ToBeVisibleAsync();
        var panel = operatorPage.Locator("[data-world-twins]");
        await Assertions.Expect(panel).ToBeVisibleAsync();

        // A wide screen and a small one: the panel stacks under the people list, never over its buttons.
        foreach (var (width, height) in new[] { (1280, 600), (800, 480) })
        {
            await operatorPage.SetViewportSizeAsync(width, height);
            await operatorPage.EvaluateAsync("() => window.lingjingWorld.rendered(2)");
            var twins = (await panel.BoundingBoxAsync())!;
            foreach (var button in await actions.AllAsync())
            {
                var box = (await button.BoundingBoxAsync())!;
                Overlap(box, twins).ShouldBeFalse($"at {width}x{height}: button {Show(box)}, occupancy panel {Show(twins)}");
            }
        }
        (await visitor.Locator(".world-people .person-action").CountAsync()).ShouldBe(0);
    }

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static string Show(LocatorBoundingBoxResult b) => string.Create(CultureInfo.InvariantCulture, $"({b.X:0},{b.Y:0} {b.Width:0}x{b.Height:0})");
}
