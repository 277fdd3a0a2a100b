using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Browser;

/// <summary>The system Chromium driven by Playwright (nothing is downloaded), and one Lingjing
/// server with the demo zone on a real loopback port, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public LingjingApp App { get; private set; } = null!;
    public Uri BaseAddress => App.BaseAddress!;

    public async Task InitializeAsync()
    {
        App = await LingjingApp.StartAsync(Db.Sqlite, demo: true, kestrel: true);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at 1280x800.</summary>
    public async Task<IPage> NewPageAsync(string? locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = locale,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
