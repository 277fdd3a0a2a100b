using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Twins;

/// <summary>The park terminal's live alarm list and rule editor in Chromium. Parks 37 and 38 are this class's.
/// Screenshots go to docs/screenshots (alarms-*.png).</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class AlarmBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_alarm_appears_in_the_open_list_and_on_the_bell_without_a_reload()
    {
        var app = await zone.App(Db.Sqlite);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(37));
        var twin = await TwinsTestData.TwinAsync(operatorClient, TwinsTestData.Climate, 37, 2);
        var device = app.Anonymous();
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", (await TwinsTestData.RegisterAsync(operatorClient, twin)).Token);

        var page = await chromium.SignInAsync(app.BaseAddress!, DemoAccounts.ParkOperator(37));
        await page.WaitForURLAsync("**/park", new() { Timeout = 60_000 });
        await page.GotoAsync("/park/twins/alarms");
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        var unreadBefore = int.Parse((await page.Locator("[data-live-bell]").GetAttributeAsync("data-unread"))!, CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        var reading = await device.PostAsync($"/api/v1/devices/{twin}/telemetry", new StringContent("""{ "values": { "temperature": 34.5 } }""", Encoding.UTF8, "application/json"));
        reading.EnsureSuccessStatusCode();

        var row = page.Locator("[data-alarm-id]", new() { HasText = "Temperature 34.5 °C, above the 30 °C limit" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-live-bell]")).ToHaveAttributeAsync("data-unread", (unreadBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the page was reloaded");
        await SaveScreenshotAsync(page, "alarms-live");

        // Acknowledging is an ordinary form post; the row then says so.
        await row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-alarm-id]", new() { HasText = "Temperature 34.5 °C" })).ToHaveAttributeAsync("data-alarm-state", "acknowledged");
    }

    [Fact]
    public async Task A_park_operator_creates_an_alarm_rule_in_the_park_terminal()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await chromium.SignInAsync(app.BaseAddress!, DemoAccounts.ParkOperator(38));
        await page.WaitForURLAsync("**/park", new() { Timeout = 60_000 });
        await page.GotoAsync("/park/twins/rules");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Alarm rules");
        await page.Locator("[data-new-alarm-rule]").ClickAsync();
        await page.WaitForURLAsync("**/park/twins/rules/new");

        // Sent without a name or a limit: the form says what is missing, in words.
        await page.GetByLabel("Kind of device").SelectOptionAsync(new SelectOptionValue { Label = "Temperature and humidity sensor" });
        await page.Locator("[data-save-rule]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-field-error=nameEn]")).ToHaveTextAsync("This field is required.");
        await Assertions.Expect(page.Locator("[data-field-error=threshold]")).ToHaveTextAsync("Enter the limit as a number.");
        await Assertions.Expect(page.Locator("[data-rule-problem]")).ToContainTextAsync("Name (English)");

        // Only the sensor's readings are offered once its kind is chosen, and the limit shows its unit.
        await page.GetByLabel("Reading").SelectOptionAsync(new SelectOptionValue { Label = "Temperature" });
        await Assertions.Expect(page.Locator("[data-rule-unit]")).ToHaveTextAsync("°C");
        (await page.Locator("[data-rule-telemetry] optgroup:not([hidden])").CountAsync()).ShouldBe(1);
        await page.GetByLabel("Limit", new() { Exact = true }).FillAsync("26");
        await page.GetByLabel("For how long (minutes)").FillAsync("5");
        await page.GetByLabel("Name (English)").FillAsync("Meeting room too warm");
        await page.GetByLabel("Name (Chinese)").FillAsync("会议室过热");
        await page.GetByLabel("Severity").SelectOptionAsync("critical");
        await SaveScreenshotAsync(page, "alarms-rule-editor");
        await page.Locator("[data-save-rule]").ClickAsync();

        await page.WaitForURLAsync("**/park/twins/rules?done=created");
        await Assertions.Expect(page.Locator("[data-rules-notice]")).ToContainTextAsync("saved and watching");
        var row = page.Locator("[data-rule-id]", new() { HasText = "Meeting room too warm" });
        await Assertions.Expect(row).ToContainTextAsync("Temperature above 26 °C for 5 min");
        await Assertions.Expect(row).ToContainTextAsync("Critical");
        await SaveScreenshotAsync(page, "alarms-rules");

        // Switched off from the list.
        await row.GetByRole(AriaRole.Button, new() { Name = "Switch off" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-rule-id]", new() { HasText = "Meeting room too warm" })).ToHaveAttributeAsync("data-rule-enabled", "false");
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = false });
    }
}
