using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Bookings.Oversight;

/// <summary>The park operator's approval queue in Chromium, on a small zone of its own (it changes
/// bookings); and the park and government booking views over the demo zone, with screenshots.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class OversightBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Operator_approves_one_booking_and_rejects_another_and_the_employee_sees_both_outcomes()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        const string operatorEmail = "gatekeeper@oversight.test";
        await TestUsers.CreateAsync(app, operatorEmail, Roles.ParkOperator, parkId: scene.ParkId);
        await scene.SetRulesAsync(await app.SignedInAsync(operatorEmail, TestUsers.Password), approval: true);
        var employee = scene.Client(0);
        var firstStart = BookingScene.At(2, 10);
        var first = await BookAsync(employee, scene.SpaceId, firstStart, BookingScene.At(2, 11), "Calligraphy workshop");
        var second = await BookAsync(employee, scene.SpaceId, BookingScene.At(3, 14), BookingScene.At(3, 16), "Drum rehearsal");

        var page = await SignInAsync(app, operatorEmail, TestUsers.Password);
        await page.WaitForURLAsync("**/park");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bookings and approvals" }).ClickAsync();
        await page.WaitForURLAsync("**/park/bookings");
        var queue = page.GetByTestId("approval-queue");
        await Assertions.Expect(queue.GetByTestId("pending-booking")).ToHaveCountAsync(2);
        await Assertions.Expect(queue).ToContainTextAsync("Calligraphy workshop");
        await Assertions.Expect(page.Locator("[data-chart-state=ready]")).ToHaveCountAsync(2);
        await SaveScreenshotAsync(page, "park-bookings-queue");

        await Item(page, first).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decided")).ToContainTextAsync("approved");
        await Assertions.Expect(queue.GetByTestId("pending-booking")).ToHaveCountAsync(1);

        await Item(page, second).GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Assertions.Expect(Item(page, second).Locator("[data-field-error]")).ToContainTextAsync("Give a reason");
        await Item(page, second).GetByPlaceholder("Reason (needed to reject)").FillAsync("The space is closed for the lantern festival.");
        await Item(page, second).GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decided")).ToContainTextAsync("rejected");
        await Assertions.Expect(queue.GetByTestId("pending-booking")).ToHaveCountAsync(0);
        // The approved booking on the calendar of its own week (two days from now may be next week).
        await page.GotoAsync($"/park/bookings?week={firstStart[..10]}");
        await Assertions.Expect(page.GetByTestId("week-calendar").Locator("[data-status=confirmed]")).ToHaveCountAsync(1);

        var person = await SignInAsync(app, scene.Email(0), TestUsers.Password);
        await person.WaitForURLAsync("**/me");
        await person.GotoAsync("/notifications");
        var notifications = person.GetByTestId("notifications");
        await Assertions.Expect(notifications.Locator("[data-kind='booking.approved']")).ToHaveCountAsync(1);
        await Assertions.Expect(notifications.Locator("[data-kind='booking.rejected']")).ToContainTextAsync("lantern festival");
        await SaveScreenshotAsync(person, "booking-notifications");
    }

    [Fact]
    public async Task Park_and_government_views_draw_their_charts_over_the_demo_zone()
    {
        var app = await zone.App(Db.Sqlite);
        var park = await SignInAsync(app, DemoAccounts.ParkOperator(1), DemoAccounts.Password);
        await park.WaitForURLAsync("**/park");
        await park.GotoAsync("/park/bookings");
        await Assertions.Expect(park.GetByTestId("week-calendar").Locator("tbody tr").First).ToBeVisibleAsync();
        await park.WaitForFunctionAsync("document.querySelectorAll('[data-chart^=booking-] canvas').length >= 2");
        (await park.Locator("[data-chart-state=error]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync(park, "park-bookings");
        await park.GetByTestId("week-calendar").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "park-bookings-week.png") });
        await park.Locator("[data-chart=booking-utilization-daily]").ScrollIntoViewIfNeededAsync();
        await SaveScreenshotAsync(park, "park-bookings-daily");

        var rulesLink = park.GetByTestId("week-calendar").Locator("tbody tr").First.Locator("a").First;
        await rulesLink.ClickAsync();
        await park.WaitForURLAsync("**/park/spaces/*/rules");
        await Assertions.Expect(park.GetByLabel("Opens at")).ToBeVisibleAsync();
        await SaveScreenshotAsync(park, "park-space-rules", fullPage: true);

        await park.GotoAsync("/culture/zh-Hans?returnUrl=%2Fpark%2Fbookings");
        await Assertions.Expect(park.Locator("h1")).ToHaveTextAsync("预约管理");
        await park.WaitForFunctionAsync("document.querySelectorAll('[data-chart^=booking-] canvas').length >= 2");
        await SaveScreenshotAsync(park, "park-bookings-zh");

        var gov = await SignInAsync(app, DemoAccounts.Government, DemoAccounts.Password);
        await gov.WaitForURLAsync("**/gov");
        await gov.GetByRole(AriaRole.Link, new() { Name = "Space utilization" }).ClickAsync();
        await gov.WaitForURLAsync("**/gov/bookings");
        await Assertions.Expect(gov.Locator("h1")).ToHaveTextAsync("Space utilization");
        await gov.WaitForFunctionAsync("document.querySelectorAll('[data-chart^=booking-] canvas').length >= 3");
        (await gov.Locator("[data-chart-state=error]").CountAsync()).ShouldBe(0);
        (await gov.Locator("[data-chart-state=empty]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync(gov, "gov-bookings", fullPage: true);

        // The sort button (ECharts toolbox, top right of the chart) redraws the parks by code, without errors.
        var errors = new List<string>();
        gov.PageError += (_, error) => errors.Add(error);
        var byPark = gov.Locator("[data-chart=booking-utilization-by-park]");
        var box = (await byPark.BoundingBoxAsync())!;
        await gov.Mouse.ClickAsync(box.X + box.Width - 21, box.Y + 24);
        errors.ShouldBeEmpty();
        await Assertions.Expect(byPark).ToHaveAttributeAsync("data-chart-state", "ready");
    }

    private static ILocator Item(IPage page, Guid id) => page.Locator($"[data-testid=pending-booking][data-booking-id='{id}']");

    private static async Task<Guid> BookAsync(HttpClient client, int spaceId, string start, string end, string purpose)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/bookings", new { start, end, purpose });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<IPage> SignInAsync(LingjingApp app, string email, string password) => chromium.SignInAsync(app.BaseAddress!, email, password);

    private static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = fullPage });
    }
}
