using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Events;

/// <summary>In Chromium over the demo zone: anyone reads the events and an event's agenda; an employee registers for the
/// conference, finds their ticket's QR code and code, and cancels.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class EventBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_employee_registers_for_the_conference_gets_a_ticket_and_cancels()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await chromium.SignInAsync(app.BaseAddress!, DemoAccounts.Employee(1_500), DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));

        await page.GotoAsync("/events");
        await Assertions.Expect(page.Locator("[data-event]").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "events");
        await page.Locator("[data-event] a", new() { HasTextString = "Digital Culture Industry Conference" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-agenda] [data-session]")).ToHaveCountAsync(21);

        await page.Locator("[data-testid=register]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=registration-status]")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(page.Locator("[data-testid=ticket-qr] svg")).ToBeVisibleAsync();
        (await page.Locator("[data-testid=ticket-code]").TextContentAsync())!.Length.ShouldBe(10);
        await Screenshots.SaveAsync(page, "event-ticket");

        await page.Locator("[data-testid=unregister]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=register]")).ToBeVisibleAsync();
    }
}
