using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.WorldRealtime;
using Lingjing.World.Protocol;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World;

/// <summary>The portal's ways into the world: the avatar look chosen in /me reaches the world, and the
/// terminals' links open a working world page.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class PortalToWorldBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Avatar_look_chosen_in_me_is_kept_and_sent_to_the_world()
    {
        var app = await zone.App(Db.Sqlite);
        const string email = "user0033@demo.lingjing.local";
        var page = await SignInAsync(app, email, "**/me");

        await page.GetByLabel("Robot").CheckAsync();
        await page.GetByLabel("Broad").CheckAsync();
        await page.GetByLabel("Skin colour").FillAsync("#a0b0c0");
        await page.GetByLabel("Outfit colour").FillAsync("#12ab34");
        await page.GetByLabel("Accessory").SelectOptionAsync(new SelectOptionValue { Label = "Scarf" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save avatar" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=avatar-saved]")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Robot")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Broad")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Outfit colour")).ToHaveValueAsync("#12ab34");
        await Assertions.Expect(page.GetByLabel("Accessory")).ToHaveValueAsync("4");
        await Assertions.Expect(page.Locator("[data-testid=avatar-preview]")).ToHaveAttributeAsync("data-model", "robot");
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.Locator("#avatar").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "me-avatar.png") });
        await page.Context.CloseAsync();

        await using var client = await WorldTestClient.JoinAsync(app.BaseAddress!, await app.TokenAsync(email), "zone"); // the zone world admits every signed-in person
        var joined = await client.WaitForAsync(f => f.AvatarsJoined?.Avatars.Any(a => a.Id == client.Welcome!.AvatarId) == true);
        var look = joined.AvatarsJoined.Avatars.Single(a => a.Id == client.Welcome!.AvatarId).Look;
        look.ShouldBe(new AvatarLook { Model = "robot", Shape = "broad", BodyColor = 0xA0B0C0, OutfitColor = 0x12AB34, Accessory = 4 });
    }

    [Fact]
    public async Task World_link_in_the_navigation_opens_the_zone_world()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await SignInAsync(app, "user0034@demo.lingjing.local", "**/me");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enter the world" }).Last).ToHaveAttributeAsync("href", "/world/zone");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "World" }).ClickAsync();

        await page.WaitForURLAsync("**/world/zone");
        await page.Locator("#lingjing-world[data-world-state=ready]").WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Park_operator_enters_their_park_world_from_the_park_terminal()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await SignInAsync(app, DemoAccounts.ParkOperator(4), "**/park");

        await page.GetByRole(AriaRole.Link, new() { Name = "Enter the park's world" }).ClickAsync();

        await page.WaitForURLAsync("**/world/*");
        await page.Locator("#lingjing-world[data-world-state=ready][data-world-connection=online]").WaitForAsync();
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(LingjingApp app, string email, string landing)
    {
        var page = await chromium.NewPageAsync(app.BaseAddress!);
        page.Context.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(landing);
        return page;
    }
}
