using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Events;

/// <summary>In Chromium over the demo zone: a park operator creates an event with an agenda and publishes it; an employee
/// registers and asks a question, another upvotes it; the operator marks it answered (the attendee's panel follows by
/// itself) and checks the employee in at the door by the ticket's QR code.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class OrganiserBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_organiser_creates_an_event_an_employee_asks_a_question_it_is_upvoted_answered_and_the_ticket_checked_in()
    {
        var app = await zone.App(Db.Sqlite);
        var organiser = await SignInAsync(app, DemoAccounts.ParkOperator(3));
        await organiser.GotoAsync("/events/new");
        await organiser.Locator("[data-testid=save-event]").ClickAsync();
        await Assertions.Expect(organiser.Locator("[data-field-error=titleZh]")).ToBeVisibleAsync(); // nothing typed: told field by field
        // Starting in half an hour (the zone's clock), so that the door's check-in is open.
        var start = TimeZoneInfo.ConvertTime(TestClock.Now.AddMinutes(30), TestClock.Zone);
        var (end, talkEnd) = (start.AddHours(1), start.AddMinutes(20));
        await organiser.Locator("#titleZh").FillAsync("园区开放日");
        await organiser.Locator("#titleEn").FillAsync("Park open day");
        await organiser.Locator("#day").FillAsync(Day(start));
        await organiser.Locator("#startTime").FillAsync(Time(start));
        await organiser.Locator("#endDay").FillAsync(Day(end));
        await organiser.Locator("#endTime").FillAsync(Time(end));
        await organiser.Locator("#capacity").FillAsync("50");
        await organiser.Locator("#agenda").FillAsync(Day(start) == Day(talkEnd)
            ? $"{Day(start)} {Time(start)}-{Time(talkEnd)} | 欢迎 | Welcome | Hall | Zhou Min, host" : "");
        await organiser.Locator("[data-testid=save-event]").ClickAsync();
        await organiser.WaitForURLAsync("**/manage?created=true");
        await organiser.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(organiser.Locator("h1")).ToHaveTextAsync("Park open day");
        var eventPath = new Uri(organiser.Url).AbsolutePath.Replace("/manage", "", StringComparison.Ordinal);

        var employee = await SignInAsync(app, DemoAccounts.Employee(1_600));
        await employee.GotoAsync(eventPath);
        await employee.Locator("[data-testid=register]").ClickAsync();
        var code = (await employee.Locator("[data-testid=ticket-code]").TextContentAsync())!;
        await employee.Locator("#question-text").FillAsync("Is there parking at the park?");
        await employee.Locator("[data-testid=ask]").ClickAsync();
        await Assertions.Expect(employee.Locator("[data-question]")).ToContainTextAsync("Is there parking at the park?");

        var colleague = await SignInAsync(app, DemoAccounts.Employee(1_601));
        await colleague.GotoAsync(eventPath);
        await colleague.Locator("[data-testid=register]").ClickAsync();
        await colleague.Locator("[data-question] [data-upvote]").ClickAsync();
        await Assertions.Expect(colleague.Locator("[data-question] [data-upvotes]")).ToHaveTextAsync("1");

        await organiser.ReloadAsync();
        await organiser.Locator("[data-question] [data-answered]").ClickAsync();
        await Assertions.Expect(employee.Locator("[data-question][data-status=answered]")).ToBeVisibleAsync(); // live, no reload
        await Screenshots.SaveAsync(employee, "event-floor");

        // The ticket's QR code opens the desk with its code filled in.
        var qr = $"/check-in/events/{eventPath.Split('/')[^1]}?code={code}";
        await organiser.GotoAsync(qr);
        await Assertions.Expect(organiser.Locator("#ticket-code")).ToHaveValueAsync(code);
        await organiser.Locator("[data-testid=check-in]").ClickAsync();
        await Assertions.Expect(organiser.Locator("[data-testid=checked-in]")).ToBeVisibleAsync();
        await Assertions.Expect(organiser.Locator("[data-chart=event-registrations]")).ToHaveAttributeAsync("data-chart-state", "ready");
        await Screenshots.SaveAsync(organiser, "event-desk");
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IPage> SignInAsync(LingjingApp app, string email)
    {
        var page = await chromium.SignInAsync(app.BaseAddress!, email, DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
        return page;
    }
}
