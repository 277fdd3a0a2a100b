using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Security;

/// <summary>The portal, its charts, the API docs and the 3D world work in Chromium under the
/// Content-Security-Policy (no inline script, no eval): no violation is reported, and the world's
/// WebSocket opens with the cookie from the site's own origin.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    [Fact]
    public async Task Portal_pages_and_the_world_load_with_no_policy_violation()
    {
        var app = await zone.App(Db.Sqlite);
        // Not chromium.NewPageAsync: its contexts bypass the policy for Playwright's own string predicates.
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        var violations = new List<string>();

        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(DemoAccounts.Government);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/gov");
        await page.Locator("[data-chart] canvas").Nth(3).WaitForAsync();
        violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));

        await page.GotoAsync("/directory/enterprises?sort=revenue");
        await Assertions.Expect(page.Locator("table").First).ToBeVisibleAsync();
        violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));

        await page.GotoAsync("/api/docs");
        await page.Locator(".swagger-ui .info").WaitForAsync();
        violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));

        await page.GotoAsync("/world/zone");
        await page.Locator("#lingjing-world[data-world-state=ready][data-world-connection=online]").WaitForAsync(new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(500);
        violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));

        violations.ShouldBeEmpty(string.Join("\n", violations));
        consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty(string.Join("\n", consoleErrors));

        // The recorder does see a violation when there is one: an inline script is refused.
        await page.EvaluateAsync("() => document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.__ran = true' }))");
        string[] recorded = [];
        for (var attempt = 0; attempt < 100 && !recorded.Any(v => v.StartsWith("script-src", StringComparison.Ordinal)); attempt++)
        {
            // The violation event is queued as a task: let the page run before reading again.
            await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 50))");
            recorded = await page.EvaluateAsync<string[]>("() => window.__csp");
        }
        recorded.ShouldContain(v => v.StartsWith("script-src"));
        (await page.EvaluateAsync<bool>("() => window.__ran === true")).ShouldBeFalse();
        await context.CloseAsync();
    }
}
