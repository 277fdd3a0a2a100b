using Microsoft.Playwright;

namespace Lingjing.Bench.Media;

/// <summary>The system Chromium in headless mode with fake media devices, as the browser tests run it, and the
/// probe (probe.js) in every page: people who sign in and enter a world.</summary>
public sealed class BenchBrowser : IAsyncDisposable
{
    public const string DemoPassword = "Demo#2026";
    private static readonly string Probe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "probe.js"));

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly Uri baseAddress;

    private BenchBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.baseAddress = baseAddress;
    }

    public static async Task<BenchBrowser> LaunchAsync(Uri baseAddress)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required"],
        });
        return new BenchBrowser(playwright, browser, baseAddress);
    }

    /// <summary>A fresh context (own cookies, empty cache) signed in as a demo person, with the probe installed.</summary>
    public async Task<IPage> SignInAsync(string email, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport,
            BypassCSP = true, // Playwright's string predicates use eval
        });
        context.SetDefaultTimeout(180_000);
        await context.AddInitScriptAsync(Probe);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Signs in and opens a world; returns once the scene is drawn and the world is online.</summary>
    public async Task<IPage> EnterAsync(string email, string path, ViewportSize viewport)
    {
        var page = await SignInAsync(email, viewport);
        await OpenWorldAsync(page, path);
        return page;
    }

    public static async Task OpenWorldAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        try
        {
            await page.Locator("#lingjing-world[data-world-state=ready][data-world-connection=online]").WaitForAsync();
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>(
                "() => { const w = window.lingjingWorld; return w ? `${w.state} ${w.error ?? ''} ${w.connectionHistory.join(' > ')}` : document.title; }");
            throw new InvalidOperationException($"The world at {path} was not ready and online: {state} ({page.Url})");
        }
    }

    /// <summary>Pins the graphics level as the top bar's select would (which a small window folds away).</summary>
    public static Task ChooseGraphicsAsync(IPage page, string level) =>
        page.EvaluateAsync("level => { const s = document.querySelector('[data-testid=world-graphics]'); s.value = level; s.dispatchEvent(new Event('change')); }", level);

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    /// <summary>The demo zone's employee accounts: user0001 ... user2000 (the load tool's bots start at user0001).</summary>
    public static string Employee(int number) => $"user{number:0000}@demo.lingjing.local";
}
