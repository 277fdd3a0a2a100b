using System.Globalization;
using System.Text.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World;

/// <summary>What the world's browser tests do alike: sign in and enter a park's world, walk somewhere, take a picture, write numbers for JavaScript.</summary>
public static class WorldPages
{
    /// <summary>Signs in a demo person in a fresh browser context and opens a park's world once it is drawn and
    /// online; with <paramref name="settle"/>, also waits until the arrival has walked from the server's spawn to open ground.
    /// <paramref name="initScript"/> runs in every page of the context before the page's own scripts.</summary>
    public static Task<IPage> EnterAsync(ChromiumFixture chromium, LingjingApp app, string email, int parkId, bool settle = true,
        string? initScript = null, string password = DemoAccounts.Password, ViewportSize? viewport = null) =>
        EnterAsync(chromium, app, email, $"/world/{parkId}", settle, initScript, password, viewport);

    /// <summary>As above, for a world at any address (a meeting's room, an invitation link).</summary>
    public static async Task<IPage> EnterAsync(ChromiumFixture chromium, LingjingApp app, string email, string path, bool settle = true,
        string? initScript = null, string password = DemoAccounts.Password, ViewportSize? viewport = null)
    {
        var page = await chromium.SignInAsync(app.BaseAddress!, email, password, viewport);
        page.Context.SetDefaultTimeout(90_000); // software rendering draws few frames a second on a loaded machine
        if (initScript is not null) await page.Context.AddInitScriptAsync(initScript);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await page.GotoAsync(path);
        await page.Locator("#lingjing-world[data-world-state=ready][data-world-connection=online]").WaitForAsync();
        // A frame moves the avatar at most a quarter second's walk, and a loaded machine draws few of them.
        if (settle) await page.WaitForFunctionAsync("() => !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 });
        return page;
    }

    /// <summary>Walks the avatar to a point and waits until it stands there.</summary>
    public static async Task WalkToAsync(IPage page, double x, double z)
    {
        await page.EvaluateAsync($"() => window.lingjingWorld.moveTo({Js(x)}, {Js(z)})");
        await page.WaitForFunctionAsync(
            $"() => {{ const p = window.lingjingWorld.position(); return !window.lingjingWorld.moving() && Math.hypot(p.x - {Js(x)}, p.z - {Js(z)}) < 1; }}",
            null, new() { Timeout = 120_000 });
    }

    /// <summary>Saves a picture of the world for the README: drawn at full resolution whatever the machine (automatic
    /// graphics goes light under software rendering), after some frames for the camera to settle.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, int settleFrames = 30)
    {
        await page.SelectOptionAsync("[data-testid=world-graphics]", "sharp");
        await page.EvaluateAsync($"() => window.lingjingWorld.rendered({settleFrames})");
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png") });
    }

    /// <summary>A screen to share in headless Chromium: a canvas that changes ten times a second, in place of the picker.</summary>
    public const string FakeScreen = """
        navigator.mediaDevices.getDisplayMedia = async () => {
          const canvas = Object.assign(document.createElement("canvas"), { width: 640, height: 360 });
          const paint = canvas.getContext("2d");
          let frame = 0;
          setInterval(() => { paint.fillStyle = `hsl(${(frame++ * 37) % 360} 60% 50%)`; paint.fillRect(0, 0, 640, 360); }, 100);
          return canvas.captureStream(10);
        };
        """;

    /// <summary>Bytes received from one person (an avatar id), by the page's WebRTC statistics.</summary>
    public sealed record Feed(int Id, long Audio, long Video);

    /// <summary>Waits until the bytes received per person satisfy the condition; returns them.</summary>
    public static async Task<List<Feed>> ReceivedAsync(IPage page, Func<List<Feed>, bool> enough)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var stats = await page.EvaluateAsync<JsonElement>("() => window.lingjingWorld.mediaStats()");
            var feeds = stats.EnumerateArray()
                .Where(f => f.GetProperty("id").GetDouble() <= int.MaxValue) // people; a meeting room's voice mix is not one
                .Select(f => new Feed(f.GetProperty("id").GetInt32(), f.GetProperty("audioBytes").GetInt64(), f.GetProperty("videoBytes").GetInt64()))
                .ToList();
            if (enough(feeds)) return feeds;
            if (DateTime.UtcNow > giveUp) throw new ShouldAssertException($"Received only {string.Join(", ", feeds)}");
            // The next frames of the page, not a fixed wait: statistics move as media arrives.
            await page.EvaluateAsync("() => window.lingjingWorld.rendered(5)");
        }
    }

    /// <summary>A number as JavaScript reads it, whatever the test machine's culture.</summary>
    public static string Js(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
