using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Booking as people expect, in Chromium: a day beyond the coming week with time, length,
/// purpose and attendees; where it is; moving it; cancelling only after saying yes; a request that
/// awaits approval shows no check-in code; the 3D world opens at the booked space.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class BookingChoiceBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_day_three_weeks_ahead_is_booked_with_purpose_and_attendees_then_moved_and_cancelled_after_confirmation()
    {
        var email = DemoAccounts.Employee(43);
        var space = await SpaceAsync(email, approval: false);
        var page = await SignInAsync(email);
        var day = TestClock.ZoneToday.AddDays(20);
        var at = space.OpensAt.AddHours(1);

        await page.GotoAsync($"/directory/spaces/{space.Id}");
        var form = page.GetByTestId("choose-form");
        await form.GetByTestId("choose-day").FillAsync(Iso(day));
        await form.GetByTestId("choose-time").FillAsync(Time(at));
        await form.GetByTestId("choose-minutes").SelectOptionAsync(space.MinMinutes.ToString(CultureInfo.InvariantCulture));
        await form.GetByTestId("choose-purpose").FillAsync("Screening rehearsal");
        await form.GetByTestId("choose-attendees").FillAsync("2");
        await form.GetByTestId("choose-book").ClickAsync();

        await page.WaitForURLAsync("**/bookings/*?new=1");
        await Assertions.Expect(page.GetByTestId("booked")).ToContainTextAsync("Booked");
        await Assertions.Expect(page.GetByTestId("booking-when")).ToContainTextAsync(day.ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-US")) + " " + Time(at));
        await Assertions.Expect(page.GetByTestId("booking-purpose")).ToHaveTextAsync("Screening rehearsal");
        await Assertions.Expect(page.GetByTestId("booking-attendees")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("booking-where").GetByTestId("place-park")).ToHaveTextAsync(space.ParkNameEn);
        await Assertions.Expect(page.GetByTestId("booking-where").GetByTestId("place-address")).ToHaveTextAsync(space.AddressEn);
        (await page.GetByTestId("booking-where").GetByTestId("place-world").GetAttributeAsync("href")).ShouldBe($"/world/{space.ParkId}?space={space.Id}");
        var id = Guid.Parse(new Uri(page.Url).Segments[^1]);

        await page.GetByTestId("reschedule").ClickAsync();
        var change = page.GetByTestId("reschedule-card");
        await change.GetByTestId("choose-day").FillAsync(Iso(day.AddDays(1)));
        await change.GetByTestId("choose-time").FillAsync(Time(at));
        await change.GetByTestId("reschedule-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-message")).ToContainTextAsync("Moved to");
        await Assertions.Expect(page.GetByTestId("booking-when")).ToContainTextAsync(day.AddDays(1).ToString("ddd d MMM", CultureInfo.GetCultureInfo("en-US")));
        await Assertions.Expect(page.GetByTestId("booking-purpose")).ToHaveTextAsync("Screening rehearsal");

        await page.GotoAsync("/me/bookings");
        var row = page.Locator($"[data-id='{id}']");
        await Assertions.Expect(row.GetByTestId("place-line")).ToContainTextAsync(space.ParkNameEn);
        await row.GetByTestId("cancel").ClickAsync();
        await Assertions.Expect(row.GetByTestId("cancel-confirmation")).ToBeVisibleAsync();
        await row.GetByTestId("keep-booking").ClickAsync();
        await Assertions.Expect(row.GetByTestId("cancel-confirmation")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("[data-status=confirmed]")).ToBeVisibleAsync();
        await row.GetByTestId("cancel").ClickAsync();
        await row.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-message")).ToContainTextAsync("cancelled");
        await Assertions.Expect(page.Locator($"[data-id='{id}'] [data-status=cancelled]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_request_awaiting_approval_says_so_and_shows_no_check_in_code()
    {
        var email = DemoAccounts.Employee(44);
        var space = await SpaceAsync(email, approval: true);
        var client = await (await zone.App(Db.Sqlite)).SignedInAsync(email);
        var after = TestClock.Now.AddDays(20).ToString("O", CultureInfo.InvariantCulture);
        var created = await client.PostAsJsonAsync($"/api/v1/spaces/{space.Id}/bookings/next", new { purpose = "Launch", after });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var page = await SignInAsync(email);

        await page.GotoAsync($"/bookings/{id}");

        await Assertions.Expect(page.Locator("[data-status=pending]")).ToHaveTextAsync("Awaiting approval");
        await Assertions.Expect(page.GetByTestId("awaiting-approval")).ToContainTextAsync("Awaiting approval");
        await Assertions.Expect(page.GetByTestId("qr")).ToHaveCountAsync(0);
        await page.GotoAsync("/me/bookings");
        await Assertions.Expect(page.Locator($"[data-id='{id}'] [data-status=pending]")).ToHaveTextAsync("Awaiting approval");
    }

    [Fact]
    public async Task The_world_link_of_a_booking_opens_the_park_at_the_space_with_its_card()
    {
        var email = DemoAccounts.Employee(45);
        var space = await SpaceAsync(email, approval: false);
        var page = await SignInAsync(email);

        await page.GotoAsync($"/world/{space.ParkId}?space={space.Id}");

        await page.Locator("#lingjing-world[data-world-state=ready]").WaitForAsync(new() { Timeout = 60_000 });
        (await page.EvaluateAsync<int>("() => window.lingjingWorld.focusedSpace")).ShouldBe(space.Id);
        await Assertions.Expect(page.Locator(".world-space")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".world-space")).ToContainTextAsync(space.NameEn);
    }

    private sealed record OpenSpace(int Id, string NameEn, int ParkId, string ParkNameEn, string AddressEn, TimeOnly OpensAt, int MinMinutes);

    /// <summary>A demo space open to everyone signed in, with or without approval, no weekly quota, bookable
    /// at least 30 days ahead, open every day for at least three hours, in a park where this person holds
    /// fewer than two active bookings (the park's limit is three).</summary>
    private async Task<OpenSpace> SpaceAsync(string email, bool approval)
    {
        var client = await (await zone.App(Db.Sqlite)).SignedInAsync(email);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/bookings");
        var now = TestClock.Now;
        var activeByPark = mine.EnumerateArray()
            .Where(b => b.GetProperty("status").GetString() is "pending" or "confirmed" && b.GetProperty("end").GetDateTimeOffset() > now)
            .GroupBy(b => b.GetProperty("parkId").GetInt32()).ToDictionary(g => g.Key, g => g.Count());
        for (var id = 1; ; id++)
        {
            var rules = await client.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{id}/rules");
            var opens = TimeOnly.ParseExact(rules.GetProperty("opensAt").GetString()!, "HH:mm", CultureInfo.InvariantCulture);
            var closes = TimeOnly.ParseExact(rules.GetProperty("closesAt").GetString()!, "HH:mm", CultureInfo.InvariantCulture);
            var parkId = rules.GetProperty("parkId").GetInt32();
            if (rules.GetProperty("audience").GetString() != "signed-in" || rules.GetProperty("requiresApproval").GetBoolean() != approval
                || rules.GetProperty("weeklyQuotaPerEnterprise").ValueKind != JsonValueKind.Null || rules.GetProperty("maxDaysAhead").GetInt32() < 30
                || rules.GetProperty("openDays").GetArrayLength() != 7 || closes <= opens || (closes - opens).TotalHours < 3
                || rules.GetProperty("blackouts").GetArrayLength() > 0 || activeByPark.GetValueOrDefault(parkId) >= 2)
                continue;
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{id}");
            var park = await client.GetFromJsonAsync<JsonElement>($"/api/v1/parks/{parkId}");
            return new OpenSpace(id, detail.GetProperty("nameEn").GetString()!, parkId, park.GetProperty("nameEn").GetString()!,
                park.GetProperty("addressEn").GetString()!, opens, rules.GetProperty("minMinutes").GetInt32());
        }
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await chromium.SignInAsync((await zone.App(Db.Sqlite)).BaseAddress!, email, DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
