using System.Globalization;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>The government's rule builder in Chromium: conditions picked from lists become rule text, and the
/// matching enterprises are counted as they change.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class RuleBuilderBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Count = "document.querySelector('[data-builder-count]')?.dataset.eligible";

    [Fact]
    public async Task Government_builds_a_rule_from_conditions_and_sees_how_many_enterprises_match()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await chromium.SignInAsync(app.BaseAddress!, DemoAccounts.Government);
        await page.WaitForURLAsync("**/gov", new() { Timeout = 60_000 });
        await page.GotoAsync("/gov/policies/new");
        var builder = page.Locator("[data-rule-builder]");
        await Assertions.Expect(builder).ToBeVisibleAsync();

        var first = builder.Locator("[data-condition='0']");
        await first.Locator("[data-builder-fact]").SelectOptionAsync(new SelectOptionValue { Label = "Employees" });
        await first.Locator("[data-builder-operator]").SelectOptionAsync(">=");
        await first.Locator("[data-builder-value]").FillAsync("20");
        await Assertions.Expect(page.Locator("[data-rule-input]")).ToHaveValueAsync("employees >= 20");
        await page.WaitForFunctionAsync($"({Count} ?? '') !== ''");
        var employeesOnly = int.Parse((await builder.Locator("[data-builder-count]").GetAttributeAsync("data-eligible"))!, CultureInfo.InvariantCulture);
        employeesOnly.ShouldBeGreaterThan(0);

        await builder.GetByRole(AriaRole.Button, new() { Name = "Add a condition" }).ClickAsync();
        var second = builder.Locator("[data-condition='1']");
        await second.Locator("[data-builder-fact]").SelectOptionAsync(new SelectOptionValue { Label = "Category" });
        await second.Locator("[data-builder-value]").SelectOptionAsync(["digital-content", "creative-design"]);
        await Assertions.Expect(page.Locator("[data-rule-input]")).ToHaveValueAsync("employees >= 20\nand category in [\"creative-design\", \"digital-content\"]");
        await page.WaitForFunctionAsync($"Number({Count}) < {employeesOnly}");
        var both = int.Parse((await builder.Locator("[data-builder-count]").GetAttributeAsync("data-eligible"))!, CultureInfo.InvariantCulture);
        both.ShouldBeGreaterThan(0);
        (await page.Locator("[data-preview-count]").GetAttributeAsync("data-eligible")).ShouldBe(both.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Any instead of all: more enterprises, and the text says "or".
        await builder.Locator("[data-builder-combine]").SelectOptionAsync("any");
        await Assertions.Expect(page.Locator("[data-rule-input]")).ToHaveValueAsync("employees >= 20\nor category in [\"creative-design\", \"digital-content\"]");
        await page.WaitForFunctionAsync($"Number({Count}) > {employeesOnly}");
        await SaveScreenshotAsync(page, "policy-rule-builder");

        // Text typed by hand is read back into the builder when it fits.
        await page.Locator("[data-rule-input]").FillAsync("above_designated_size and has_tag(\"high-tech\")");
        await builder.GetByRole(AriaRole.Button, new() { Name = "Read the text into the builder" }).ClickAsync();
        await Assertions.Expect(builder.Locator("[data-condition]")).ToHaveCountAsync(2);
        await Assertions.Expect(builder.Locator("[data-condition='1'] [data-builder-value]")).ToHaveValueAsync("high-tech");

        // The expert's text editor points at the line and column of a mistake.
        await page.Locator("[data-rule-input]").FillAsync("employees >= 20\nand headcount > 3");
        var error = page.Locator("[data-preview-error]");
        await Assertions.Expect(error).ToContainTextAsync("Line 2, column 5");
        await Assertions.Expect(error).ToHaveAttributeAsync("data-line", "2");
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = false });
    }
}
