using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Events;

/// <summary>In Chromium: a visitor finds a booth in an event's expo hall by searching its guide, leaves a card only after
/// ticking consent, and the exhibitor's administrator sees the visit and the card on the booth's leads page.</summary>
public sealed class ExpoBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_visitor_leaves_a_card_at_a_booth_and_the_exhibitor_sees_the_lead()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        var scene = await EventScene.StartAsync(Db.Sqlite, app);
        var id = await scene.PublishAsync(scene.NorthOperator);
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        var placed = await organiser.PostAsJsonAsync($"/api/v1/events/{id}/booths", new { enterpriseId = scene.GalleryId, code = "B07", row = 1, col = 6 });
        var booth = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await (await scene.ClientAsync(scene.GalleryAdmin)).PutAsJsonAsync($"/api/v1/expo/booths/{booth}", new
        {
            titleZh = "玉石数字藏品", titleEn = "Jade in digital form", descriptionZh = "三维扫描的玉器。", descriptionEn = "Jade carvings, scanned in 3D.",
            tags = new[] { "jade", "3d-scan" },
        })).EnsureSuccessStatusCode();

        var visitor = await chromium.SignInAsync(app.BaseAddress!, scene.SouthOperator, TestUsers.Password);
        await visitor.WaitForURLAsync(url => !url.Contains("/account/signin"));
        await visitor.GotoAsync($"/events/{id}");
        await visitor.GetByTestId("expo").ClickAsync();
        await visitor.GetByTestId("expo-search").FillAsync("jade");
        await visitor.GetByTestId("expo-search").PressAsync("Enter");
        await Assertions.Expect(visitor.Locator("[data-booth]")).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.Locator("[data-floorplan] a[data-match]")).ToHaveTextAsync("B07");
        await Screenshots.SaveAsync(visitor, "expo-guide");
        await visitor.Locator("[data-booth] a").ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToContainTextAsync("Jade in digital form");

        // Without consent the browser does not send the form; with it, the card goes.
        await visitor.Locator("#card-message").FillAsync("Please send the catalogue.");
        await visitor.GetByTestId("leave-card").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("card-left")).ToHaveCountAsync(0);
        await visitor.GetByTestId("card-consent").CheckAsync();
        await visitor.GetByTestId("leave-card").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("card-left")).ToBeVisibleAsync();

        var exhibitor = await chromium.SignInAsync(app.BaseAddress!, scene.GalleryAdmin, TestUsers.Password);
        await exhibitor.WaitForURLAsync(url => !url.Contains("/account/signin"));
        await exhibitor.GotoAsync($"/expo/booths/{booth}");
        await exhibitor.GetByTestId("booth-leads").ClickAsync();
        await Assertions.Expect(exhibitor.Locator("[data-lead]")).ToHaveCountAsync(1);
        await Assertions.Expect(exhibitor.Locator("[data-lead]")).ToContainTextAsync("Please send the catalogue.");
        await Assertions.Expect(exhibitor.Locator("[data-lead]")).ToContainTextAsync(scene.SouthOperator);
        await Screenshots.SaveAsync(exhibitor, "expo-leads");
        await visitor.Context.CloseAsync();
        await exhibitor.Context.CloseAsync();
    }

    [Fact]
    public async Task In_the_expo_hall_a_visitor_clicks_a_stand_leaves_a_card_and_talks_with_the_staff_standing_there()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        var scene = await EventScene.StartAsync(Db.Sqlite, app);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(startsIn: TimeSpan.FromMinutes(30)));
        var placed = await (await scene.ClientAsync(scene.NorthOperator)).PostAsJsonAsync($"/api/v1/events/{id}/booths", new { enterpriseId = scene.GalleryId, code = "A01", row = 0, col = 0 });
        var booth = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var visitorEmail = (await scene.PeopleAsync(1, "expo-walker"))[0];
        (await (await scene.ClientAsync(visitorEmail)).PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        var small = new ViewportSize { Width = 960, Height = 600 };

        // The gallery's employee staffs the stand: at its counter.
        var staff = await World.WorldPages.EnterAsync(chromium, app, scene.Employee, $"/world/expo/event-{id}", password: TestUsers.Password, viewport: small);
        var stand = await staff.EvaluateAsync<JsonElement>($"() => window.lingjingWorld.stand({booth})");
        var (x, z, size) = (stand.GetProperty("x").GetDouble(), stand.GetProperty("z").GetDouble(), stand.GetProperty("size").GetDouble());
        await World.WorldPages.WalkToAsync(staff, x, z + size / 2 - 3);

        // The visitor clicks the stand: its card opens and they walk up to its front.
        var visitor = await World.WorldPages.EnterAsync(chromium, app, visitorEmail, $"/world/expo/event-{id}", password: TestUsers.Password, viewport: small);
        var counter = await visitor.EvaluateAsync<JsonElement>($"() => window.lingjingWorld.screenPoint({World.WorldPages.Js(x)}, 0.6, {World.WorldPages.Js(z + size / 2 - 2.2)})");
        await visitor.Mouse.ClickAsync((float)counter.GetProperty("x").GetDouble(), (float)counter.GetProperty("y").GetDouble());
        await Assertions.Expect(visitor.GetByTestId("booth-card")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByTestId("booth-leave-card")).ToBeDisabledAsync();
        await visitor.GetByTestId("booth-consent").CheckAsync();
        await visitor.GetByTestId("booth-leave-card").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("booth-card")).ToContainTextAsync("Your card is with the exhibitor.");
        await visitor.WaitForFunctionAsync("() => !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 });

        // Standing at the stand, the two talk: a direct connection with voice both ways.
        foreach (var page in new[] { staff, visitor }) await page.GetByTestId("media-mic").ClickAsync();
        var staffId = await staff.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
        await World.WorldPages.ReceivedAsync(visitor, s => s.Any(f => f.Id == staffId && f.Audio > 0));
        await World.WorldPages.ScreenshotAsync(visitor, "expo-hall", settleFrames: 10);

        var leads = await (await scene.ClientAsync(scene.GalleryAdmin)).GetFromJsonAsync<JsonElement>($"/api/v1/expo/booths/{booth}/leads");
        leads.GetProperty("leads").GetArrayLength().ShouldBe(1);
        leads.GetProperty("visitors").GetInt32().ShouldBe(1);
        await staff.Context.CloseAsync();
        await visitor.Context.CloseAsync();
    }
}
