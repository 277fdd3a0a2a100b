using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Lingjing.Server.Tests.World.WorldPages;

namespace Lingjing.Server.Tests.World;

/// <summary>Two people signed in with their own cookies in two Chromium pages meet in one park's world
/// over the real <c>/world/ws</c>: each sees the other's avatar, one walks and the other sees it move,
/// they chat (markup shows as text), one waves and the other sees it, history comes back on rejoining
/// and leaving is announced.
/// Saves docs/screenshots/world.png.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class SharedWorldBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Walker = "user0031@demo.lingjing.local";
    private const string Watcher = "user0032@demo.lingjing.local";

    [Fact]
    public async Task Two_signed_in_users_see_each_other_move_and_chat_as_text()
    {
        var app = await zone.App(Db.Sqlite);
        var parkId = await SmallParkAsync(app);
        var walkerName = await DisplayNameAsync(app, Walker);
        var watcherName = await DisplayNameAsync(app, Watcher);

        // The walker chose a look; the watcher draws the walker in it.
        using (var http = await app.SignedInAsync(Walker))
            (await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "business", bodyColor = "#E8B796", outfitColor = "#1D4ED8", accessory = 2 }))
                .EnsureSuccessStatusCode();
        var walker = await WorldPages.EnterAsync(chromium, app, Walker, parkId);
        var watcher = await WorldPages.EnterAsync(chromium, app, Watcher, parkId);

        // Each sees the other's avatar and name.
        var walkerId = await RemoteIdAsync(watcher, walkerName);
        await RemoteIdAsync(walker, watcherName);
        await watcher.WaitForFunctionAsync(
            $"() => window.lingjingWorld.remotes().some(r => r.id === {walkerId} && r.look.model === 'business' && r.look.outfit === 0x1D4ED8 && r.look.accessory === 2)");
        await Assertions.Expect(watcher.Locator(".world-people")).ToContainTextAsync(walkerName);
        await Assertions.Expect(walker.Locator(".world-people")).ToContainTextAsync(watcherName);

        // The walker walks with the keyboard; the watcher sees the avatar arrive where the walker stopped.
        var start = await PositionAsync(walker);
        await walker.Keyboard.DownAsync("w");
        await walker.WaitForFunctionAsync($"() => {{ const p = window.lingjingWorld.position(); return Math.hypot(p.x - {Js(start.X)}, p.z - {Js(start.Z)}) > 6; }}");
        await walker.Keyboard.UpAsync("w");
        await walker.WaitForFunctionAsync("() => !window.lingjingWorld.moving()");
        var stop = await PositionAsync(walker);
        var heading = await walker.EvaluateAsync<double>("() => window.lingjingWorld.heading()");
        // Same place, facing the same way (angles compared on the circle).
        await watcher.WaitForFunctionAsync(
            $"() => window.lingjingWorld.remotes().some(r => r.id === {walkerId} && Math.hypot(r.x - {Js(stop.X)}, r.z - {Js(stop.Z)}) < 0.5 && Math.abs(Math.sin((r.heading - {Js(heading)}) / 2)) < 0.05)");

        // Park-wide chat: the markup arrives as text, not as an element.
        await walker.GetByLabel("Who hears it").SelectOptionAsync(new SelectOptionValue { Label = "Whole park" });
        await walker.GetByLabel("Message").FillAsync("see you at <b>html</b> hall");
        await walker.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var line = watcher.Locator(".world-chat-list .chat-world", new() { HasText = "see you at <b>html</b> hall" });
        await Assertions.Expect(line).ToContainTextAsync(walkerName);
        (await watcher.Locator(".world-chat-list b").CountAsync()).ShouldBe(0);

        // A close-up for the README on the open ground where people arrive: the watcher stands behind the walker, who waves.
        var spawn = await watcher.EvaluateAsync<double[]>("() => window.lingjingWorld.spawn");
        await walker.EvaluateAsync($"() => window.lingjingWorld.moveTo({Js(spawn[0])}, {Js(spawn[1] + 3)})");
        await watcher.EvaluateAsync($"() => window.lingjingWorld.moveTo({Js(spawn[0])}, {Js(spawn[1] - 2)})");
        await watcher.WaitForFunctionAsync($"() => window.lingjingWorld.remotes().some(r => r.id === {walkerId} && Math.hypot(r.x - {Js(spawn[0])}, r.z - {Js(spawn[1] + 3)}) < 0.5)");
        await watcher.WaitForFunctionAsync($"() => {{ const p = window.lingjingWorld.position(); return Math.hypot(p.x - {Js(spawn[0])}, p.z - {Js(spawn[1] - 2)}) < 0.5; }}");
        await watcher.EvaluateAsync("() => window.lingjingWorld.frame(14)");
        await walker.EvaluateAsync("() => document.activeElement?.blur()");
        await walker.Keyboard.PressAsync("1");
        await watcher.WaitForFunctionAsync($"() => window.lingjingWorld.remotes().some(r => r.id === {walkerId} && r.emote === 1)");
        await WorldPages.ScreenshotAsync(watcher, "world", settleFrames: 10);

        // Coming back brings the park-wide chat history; the walker leaving is announced and clears the avatar.
        await watcher.ReloadAsync();
        await watcher.Locator("#lingjing-world[data-world-connection=online]").WaitForAsync();
        await Assertions.Expect(watcher.Locator(".world-chat-list .chat-world", new() { HasText = "see you at <b>html</b> hall" })).ToBeVisibleAsync();
        await RemoteIdAsync(watcher, walkerName);
        await walker.Context.CloseAsync();
        await Assertions.Expect(watcher.Locator(".world-toasts")).ToContainTextAsync($"{walkerName} left");
        await watcher.WaitForFunctionAsync("() => window.lingjingWorld.remoteAvatars === 0");
        await Assertions.Expect(watcher.Locator(".world-people")).Not.ToContainTextAsync(walkerName);
        await watcher.Context.CloseAsync();
    }

    [Fact]
    public async Task Second_tab_of_the_same_user_takes_over_and_the_first_says_so()
    {
        var app = await zone.App(Db.Sqlite);
        var parkId = await SmallParkAsync(app);
        var first = await WorldPages.EnterAsync(chromium, app, "user0036@demo.lingjing.local", parkId);

        var second = await first.Context.NewPageAsync();
        await second.GotoAsync($"/world/{parkId}");
        await second.Locator("#lingjing-world[data-world-connection=online]").WaitForAsync();

        await first.Locator("#lingjing-world[data-world-connection=removed]").WaitForAsync();
        await Assertions.Expect(first.Locator(".world-chat-list")).ToContainTextAsync("This world is open in another tab or window.");
        await first.Context.CloseAsync();
    }

    /// <summary>The id of the avatar with this name once the page renders it.</summary>
    private static async Task<int> RemoteIdAsync(IPage page, string name)
    {
        var nameJson = JsonSerializer.Serialize(name);
        await page.WaitForFunctionAsync($"() => window.lingjingWorld.remotes().some(r => r.name === {nameJson})");
        return await page.EvaluateAsync<int>($"() => window.lingjingWorld.remotes().find(r => r.name === {nameJson}).id");
    }

    private static async Task<(double X, double Z)> PositionAsync(IPage page)
    {
        var p = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.position()");
        return (p.GetProperty("x").GetDouble(), p.GetProperty("z").GetDouble());
    }

    private static async Task<int> SmallParkAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        // Small enough to load fast, with a few buildings behind the avatars, and open to guests: the two demo
        // employees need not work in it (a park world that admits no guests admits only its own people).
        return await db.Set<Park>().Where(p => p.AllowsGuests && db.Set<Building>().Count(b => b.ParkId == p.Id) >= 4)
            .OrderBy(p => db.Set<Building>().Count(b => b.ParkId == p.Id)).ThenBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private static async Task<string> DisplayNameAsync(LingjingApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
        return (await users.FindByEmailAsync(email))!.DisplayName;
    }
}
