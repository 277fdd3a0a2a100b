using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Browser;

/// <summary>A person signs in through the real page in Chromium and lands on their terminal.
/// Each test saves a screenshot of the terminal's home into docs/screenshots for the README.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class TerminalBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private async Task<IPage> NewPageAsync() => await chromium.NewPageAsync((await zone.App(Db.Sqlite)).BaseAddress!);

    [Fact]
    public async Task Government_official_sees_the_zone_dashboard_with_charts()
    {
        var page = await SignInAsync(DemoAccounts.Government);

        await page.WaitForURLAsync("**/gov");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Government");
        await Assertions.Expect(page.GetByText("50,000").First).ToBeVisibleAsync();
        // Four charts rendered by ECharts (canvas), none in an error state.
        await page.WaitForFunctionAsync("document.querySelectorAll('[data-chart] canvas').length >= 4");
        (await page.Locator("[data-chart-state=error]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync(page, "gov");
    }

    [Fact]
    public async Task Park_operator_sees_their_park()
    {
        var page = await SignInAsync(DemoAccounts.ParkOperator(1));

        await page.WaitForURLAsync("**/park");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "park");
    }

    [Fact]
    public async Task Enterprise_admin_edits_the_profile()
    {
        var page = await SignInAsync(DemoAccounts.EnterpriseAdmin(7));

        await page.WaitForURLAsync("**/enterprise");
        var website = page.GetByLabel("Website");
        await website.FillAsync("https://showroom.example.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Website")).ToHaveValueAsync("https://showroom.example.test");
        await SaveScreenshotAsync(page, "enterprise");
    }

    [Fact]
    public async Task Employee_sees_their_profile()
    {
        var page = await SignInAsync(DemoAccounts.Employee(1));

        await page.WaitForURLAsync("**/me");
        await Assertions.Expect(page.GetByText("user0001@demo.lingjing.local").First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "me");
    }

    [Fact]
    public async Task Employee_cannot_open_the_government_terminal()
    {
        var page = await SignInAsync(DemoAccounts.Employee(2));
        await page.WaitForURLAsync("**/me");

        await page.GotoAsync("/gov");

        page.Url.ShouldContain("/account/denied");
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_and_stays_on_the_sign_in_page()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(DemoAccounts.Employee(3));
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Wrong email or password");
        page.Url.ShouldContain("/account/signin");
    }

    [Fact]
    public async Task Language_switch_shows_the_portal_in_Chinese()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Assertions.Expect(page.GetByText("登录").First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "home-zh");
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = false });
    }
}
