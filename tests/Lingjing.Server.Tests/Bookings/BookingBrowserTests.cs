using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>One-click booking in Chromium: from a space's page, from the directory list and from
/// /me; confirmation with QR code and .ics; my bookings lists and cancels (after asking).</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class BookingBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task One_click_from_a_spaces_page_confirms_with_QR_and_ics_and_my_bookings_cancels()
    {
        var email = DemoAccounts.Employee(41);
        var spaceId = await OpenSpaceAsync(email);
        var page = await SignInAsync(email);

        await page.GotoAsync($"/directory/spaces/{spaceId}");
        await page.GetByTestId("book-panel").GetByTestId("book-next").ClickAsync();

        await page.WaitForURLAsync("**/bookings/*?new=1");
        var first = BookingId(page);
        await Assertions.Expect(page.GetByTestId("booked")).ToContainTextAsync("Booked");
        await Assertions.Expect(page.GetByTestId("qr").Locator("svg")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "booking-confirmed");
        var ics = await page.APIRequest.GetAsync((await page.GetByTestId("ics").GetAttributeAsync("href"))!);
        ics.Status.ShouldBe(200);
        (await ics.TextAsync()).ShouldStartWith("BEGIN:VCALENDAR");

        await page.GotoAsync($"/directory/spaces/{spaceId}");
        var other = page.GetByTestId("free-slots").GetByTestId("book-slot").First;
        await other.ClickAsync();
        await page.WaitForURLAsync("**/bookings/*?new=1");
        var second = BookingId(page);
        second.ShouldNotBe(first);

        await page.GotoAsync("/me/bookings");
        await Assertions.Expect(page.Locator($"[data-id='{first}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-id='{second}']")).ToBeVisibleAsync();
        await page.Locator($"[data-id='{first}']").GetByTestId("cancel").ClickAsync();
        await page.Locator($"[data-id='{first}']").GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-message")).ToContainTextAsync("cancelled");
        await Assertions.Expect(page.Locator($"[data-id='{first}'] [data-status=cancelled]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-id='{second}'] [data-status=confirmed]")).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "my-bookings");
    }

    [Fact]
    public async Task One_click_from_the_directory_list_and_from_me()
    {
        var email = DemoAccounts.Employee(42);
        var spaceId = await OpenSpaceAsync(email);
        var page = await SignInAsync(email);
        await page.WaitForURLAsync("**/me");

        await page.GetByTestId("my-bookings-card").GetByTestId("me-book-next").First.ClickAsync();
        await page.WaitForURLAsync("**/bookings/*?new=1");
        await Assertions.Expect(page.GetByTestId("booked")).ToBeVisibleAsync();
        var fromMe = BookingId(page);

        var name = await SpaceNameAsync(email, spaceId);
        await page.GotoAsync($"/directory/spaces?q={Uri.EscapeDataString(name)}");
        await page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) }).GetByTestId("list-book-next").First.ClickAsync();
        await page.WaitForURLAsync("**/bookings/*?new=1");
        await Assertions.Expect(page.GetByTestId("booked")).ToBeVisibleAsync();
        var fromList = BookingId(page);

        await page.GotoAsync("/me/bookings");
        await Assertions.Expect(page.Locator($"[data-id='{fromMe}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-id='{fromList}']")).ToBeVisibleAsync();
    }

    private static Guid BookingId(IPage page) => Guid.Parse(new Uri(page.Url).Segments[^1]);

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await chromium.SignInAsync((await zone.App(Db.Sqlite)).BaseAddress!, email, DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A demo space this person may book without approval.</summary>
    private async Task<int> OpenSpaceAsync(string email)
    {
        var client = await (await zone.App(Db.Sqlite)).SignedInAsync(email);
        for (var id = 1; ; id++)
        {
            var rules = await client.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{id}/rules");
            if (rules.GetProperty("audience").GetString() == "signed-in" && !rules.GetProperty("requiresApproval").GetBoolean()
                && rules.GetProperty("weeklyQuotaPerEnterprise").ValueKind == JsonValueKind.Null)
                return id;
        }
    }

    private async Task<string> SpaceNameAsync(string email, int spaceId)
    {
        var client = await (await zone.App(Db.Sqlite)).SignedInAsync(email);
        return (await client.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{spaceId}")).GetProperty("nameEn").GetString()!;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = true });
    }
}
