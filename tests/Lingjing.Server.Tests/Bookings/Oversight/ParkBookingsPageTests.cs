using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.Bookings.Oversight;

/// <summary>/park/bookings: approval queue with working forms, week calendar, empty states; /gov/bookings.</summary>
public sealed partial class ParkBookingsPageTests
{
    [Theory, BothDatabases]
    public async Task Operator_approves_and_rejects_through_the_page_forms_and_the_person_is_told(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db, bookings: false);
        var operatorApi = await scene.BearerAsync(OversightScene.OperatorA);
        var requireApproval = await operatorApi.PutAsJsonAsync($"/api/v1/spaces/{scene.Hall}/rules", new
        {
            opensAt = "09:00", closesAt = "17:00", openDays = new[] { 1, 2, 3, 4, 5, 6, 7 }, capacity = 60, defaultMinutes = 60, minMinutes = 30,
            maxMinutes = 240, bufferMinutes = 0, maxDaysAhead = 60, weeklyQuotaPerEnterprise = (int?)null, requiresApproval = true,
            audience = "signed-in", noShowReleaseMinutes = 15,
        });
        requireApproval.EnsureSuccessStatusCode();
        var employee = await scene.BearerAsync(OversightScene.Employee);
        var first = await BookAsync(employee, scene.Hall, OversightScene.At(3, 7, 10), OversightScene.At(3, 7, 11), "Poetry reading");
        var second = await BookAsync(employee, scene.Hall, OversightScene.At(3, 8, 14), OversightScene.At(3, 8, 16), "Band rehearsal");
        var pages = await scene.CookieAsync(OversightScene.OperatorA);

        var queue = PortalBrowser.Text(await pages.GetStringAsync("/park/bookings"));
        queue.ShouldContain("Poetry reading");
        queue.ShouldContain("Band rehearsal");
        queue.ShouldContain("employee@oversight.test");
        queue.IndexOf("Poetry reading", StringComparison.Ordinal).ShouldBeLessThan(queue.IndexOf("Band rehearsal", StringComparison.Ordinal), "soonest first");

        var emptyReason = await Decide(pages, second, "reject", "  ");
        emptyReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalBrowser.Text(await emptyReason.Content.ReadAsStringAsync()).ShouldContain("Give a reason: the person who booked is told why.");
        (await scene.BookingAsync(second)).Status.ShouldBe(BookingStatus.Pending);

        var approved = await Decide(pages, first, "approve", "");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PortalBrowser.RedirectPath(approved).ShouldStartWith("/park/bookings?decided=approved");
        var rejected = await Decide(pages, second, "reject", "The hall hosts the district expo that day.");
        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await scene.BookingAsync(first)).Status.ShouldBe(BookingStatus.Confirmed);
        var rejection = await scene.BookingAsync(second);
        rejection.Status.ShouldBe(BookingStatus.Rejected);
        rejection.DecisionReason.ShouldBe("The hall hosts the district expo that day.");
        var inbox = await employee.GetStringAsync("/api/v1/me/notifications");
        inbox.ShouldContain("booking.approved");
        inbox.ShouldContain("district expo");
        var after = PortalBrowser.Text(await pages.GetStringAsync("/park/bookings?decided=rejected"));
        after.ShouldContain("The booking is rejected; the person who booked is told why.");
        after.ShouldContain("No bookings waiting");
        // Deciding again is refused with a message, not an error page.
        var again = await Decide(pages, first, "approve", "");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalBrowser.Text(await again.Content.ReadAsStringAsync()).ShouldContain("This booking was already decided or cancelled.");
    }

    [Theory, BothDatabases]
    public async Task Week_calendar_shows_bookings_by_status_and_shades_closed_and_blackout_days(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db);
        var operatorA = await scene.BearerAsync(OversightScene.OperatorA);
        var pages = await scene.CookieAsync(OversightScene.OperatorA);

        var week = await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/week?week=2030-03-06");
        var html = await pages.GetStringAsync("/park/bookings?week=2030-03-06");
        var nextWeek = await pages.GetStringAsync("/park/bookings?week=2030-03-11");

        week.GetProperty("monday").GetString().ShouldBe("2030-03-04");
        var rows = week.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("nameEn").GetString()!);
        rows.Keys.ShouldBe(["Hall", "Studio"], ignoreOrder: false);
        var hall = rows["Hall"].GetProperty("cells").EnumerateArray().ToList();
        hall[0].GetProperty("bookings").EnumerateArray().Select(c => (c.GetProperty("start").GetString(), c.GetProperty("status").GetString()))
            .ShouldBe([("10:00", "checked-in"), ("14:00", "no-show")]);
        hall[1].GetProperty("blackout").GetBoolean().ShouldBeTrue();
        hall[1].GetProperty("blackoutReason").GetString().ShouldBe("Stage maintenance");
        hall[3].GetProperty("bookings")[0].GetProperty("status").GetString().ShouldBe("pending");
        hall[4].GetProperty("bookings")[0].GetProperty("status").GetString().ShouldBe("confirmed");
        var studio = rows["Studio"].GetProperty("cells").EnumerateArray().ToList();
        studio[0].GetProperty("bookings").GetArrayLength().ShouldBe(1, "the cancellation is not shown");
        studio[5].GetProperty("open").GetBoolean().ShouldBeFalse();
        studio[6].GetProperty("open").GetBoolean().ShouldBeFalse();

        html.ShouldContain($"href=\"/park/spaces/{scene.Hall}/rules\"");
        html.ShouldContain("data-status=\"checked-in\"");
        html.ShouldContain("data-status=\"no-show\"");
        html.ShouldContain("data-status=\"pending\"");
        html.ShouldContain("class=\"lj-blackout\"");
        ChartSources().Matches(html).Select(m => m.Groups[1].Value)
            .ShouldBe(["/api/v1/park/bookings/utilization/daily", "/api/v1/park/bookings/utilization/space-types"], ignoreOrder: true);
        html.ShouldContain("href=\"/park/bookings?week=2030-02-25#week\"");
        html.ShouldContain("href=\"/park/bookings?week=2030-03-11#week\"");
        nextWeek.ShouldNotContain("data-status=");
        PortalBrowser.Text(html).ShouldContain("Waiting for approval");
    }

    [Fact]
    public async Task A_park_without_spaces_shows_empty_states()
    {
        await using var scene = await OversightScene.StartAsync(Db.Sqlite, bookings: false, spaces: false);
        var pages = await scene.CookieAsync(OversightScene.OperatorA);

        var html = PortalBrowser.Text(await pages.GetStringAsync("/park/bookings"));

        html.ShouldContain("No bookings waiting");
        html.ShouldContain("No spaces yet");
        html.ShouldNotContain("<table");
    }

    [Fact]
    public async Task Government_page_shows_the_zone_figures_and_charts_in_both_languages()
    {
        await using var scene = await OversightScene.StartAsync(Db.Sqlite);
        var pages = await scene.CookieAsync(OversightScene.Government);

        var html = await pages.GetStringAsync("/gov/bookings");
        var dashboard = await pages.GetStringAsync("/gov");
        await pages.GetAsync("/culture/zh-Hans?returnUrl=%2Fgov%2Fbookings");
        var chinese = PortalBrowser.Text(await pages.GetStringAsync("/gov/bookings"));

        var text = PortalBrowser.Text(html);
        text.ShouldContain("Space utilization");
        text.ShouldContain("Bookings this week");
        text.ShouldContain("20.0 %");
        ChartSources().Matches(html).Select(m => m.Groups[1].Value).ShouldBe([
            "/api/v1/zone/bookings/utilization/parks", "/api/v1/zone/bookings/utilization/space-types", "/api/v1/zone/bookings/utilization/daily"]);
        dashboard.ShouldContain("href=\"/gov/bookings\"");
        chinese.ShouldContain("空间使用率");
        chinese.ShouldContain("未到场率");
    }

    private static async Task<Guid> BookAsync(HttpClient client, int spaceId, DateTimeOffset start, DateTimeOffset end, string purpose)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/bookings", new { start, end, purpose });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>();
        booking.GetProperty("status").GetString().ShouldBe("pending");
        return booking.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Decide(HttpClient pages, Guid id, string decision, string reason) =>
        PortalBrowser.PostFormAsync(pages, "/park/bookings", "decisions",
            new() { ["Decision"] = $"{decision}:{id}", [$"Reasons[{id}]"] = reason });

    // A chart carries data-chart before its data-source (the bell has a data-source of its own).
    [GeneratedRegex("data-chart=\"[^\"]*\" data-source=\"([^\"]+)\"")]
    private static partial Regex ChartSources();
}
