using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Browser;

/// <summary>The system Chromium driven by Playwright (nothing is downloaded). Browser tests run in
/// the demo-zone collection against its SQLite server, which listens on a loopback port.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Not a performance bound (bench/ measures speed): the browser's server shares two cores and one
    /// thread pool with the rest of the suite running in parallel, and a page may wait its turn.</summary>
    private const int PatientMilliseconds = 30_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(PatientMilliseconds);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                // Voice and video: a test pattern and a beep instead of a camera and a microphone, permission granted without a prompt,
                // loopback addresses among the ICE candidates, and audio that plays without a click.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at 1280x800, or the viewport given (a small one draws faster
    /// under software rendering, for tests that need many pages at once).</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "en-US", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            // Playwright's string predicates (WaitForFunctionAsync) use eval, which the site's CSP refuses;
            // ContentSecurityPolicyBrowserTests runs the pages under the real policy.
            BypassCSP = true,
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            Locale = locale,
        });
        context.SetDefaultTimeout(PatientMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context that has sent the sign-in form; the page then shows where the
    /// person lands, or why they did not.</summary>
    public async Task<IPage> SignInAsync(Uri baseAddress, string email, string password = DemoAccounts.Password, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(baseAddress, viewport: viewport);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
