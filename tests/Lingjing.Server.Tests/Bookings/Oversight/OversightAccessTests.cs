using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.Bookings.Oversight;

/// <summary>Who may see the booking views: a park operator only their own park, the government the
/// zone, enterprise people none of them.</summary>
public sealed class OversightAccessTests
{
    private static readonly string[] ParkEndpoints =
    [
        "/api/v1/park/bookings/utilization/daily", "/api/v1/park/bookings/utilization/space-types",
        "/api/v1/park/bookings/summary", "/api/v1/park/bookings/week",
    ];

    private static readonly string[] ZoneEndpoints =
    [
        "/api/v1/zone/bookings/utilization/parks", "/api/v1/zone/bookings/utilization/space-types",
        "/api/v1/zone/bookings/utilization/daily", "/api/v1/zone/bookings/summary",
    ];

    [Theory, BothDatabases]
    public async Task Operator_of_another_park_sees_none_of_this_parks_data_and_gets_404_for_its_rules(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db);
        var operatorB = await scene.BearerAsync(OversightScene.OperatorB);
        var pagesB = await scene.CookieAsync(OversightScene.OperatorB);

        var types = await operatorB.GetStringAsync("/api/v1/park/bookings/utilization/space-types");
        var week = await operatorB.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/week?week=2030-03-04");
        var monday = (await operatorB.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/utilization/daily")).EnumerateArray()
            .Single(d => d.GetProperty("day").GetString() == "2030-03-04");
        var page = PortalBrowser.VisibleText(await pagesB.GetStringAsync("/park/bookings?week=2030-03-04"));
        var rulesPage = await pagesB.GetAsync($"/park/spaces/{scene.Hall}/rules");

        types.ShouldNotContain("theatre");
        types.ShouldNotContain("studio");
        week.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("spaceId").GetInt32()).ShouldBe([scene.Room]);
        monday.GetProperty("openHours").GetDouble().ShouldBe(23.98);
        monday.GetProperty("releasedHours").GetDouble().ShouldBe(0);
        (await operatorB.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/summary")).GetProperty("pendingApprovals").GetInt32().ShouldBe(0);
        page.ShouldContain("Room");
        foreach (var foreign in new[] { "Hall", "Studio", "Stage maintenance" })
            page.IndexOf(foreign, StringComparison.Ordinal).ShouldBe(-1, Around(page, foreign)); // says where, when it fails
        rulesPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        PortalBrowser.Text(await rulesPage.Content.ReadAsStringAsync()).ShouldContain($"There is no space with id {scene.Hall} in your park.");
        (await pagesB.GetAsync("/park/spaces/999999/rules")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await operatorB.GetAsync($"/api/v1/spaces/{scene.Hall}/rules")).StatusCode.ShouldBe(HttpStatusCode.OK, "anyone signed in may read rules");
        var update = await operatorB.PutAsJsonAsync($"/api/v1/spaces/{scene.Hall}/rules", new
        {
            opensAt = "08:00", closesAt = "20:00", openDays = new[] { 1, 2, 3 }, capacity = 10, defaultMinutes = 60, minMinutes = 30, maxMinutes = 120,
            bufferMinutes = 0, maxDaysAhead = 30, weeklyQuotaPerEnterprise = (int?)null, requiresApproval = false, audience = "signed-in", noShowReleaseMinutes = 15,
        });
        update.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Posting the rules form of another park's space changes nothing either.
        var posted = await pagesB.PostAsync($"/park/spaces/{scene.Hall}/rules", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "space-rules", ["Form.OpensAt"] = "08:00", ["Form.ClosesAt"] = "20:00", ["Form.Monday"] = "True",
        }));
        posted.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await operatorB.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{scene.Hall}/rules")).GetProperty("opensAt").GetString().ShouldBe("09:00");
    }

    [Fact]
    public async Task Enterprise_people_get_403_and_operators_cannot_read_the_zone()
    {
        await using var scene = await OversightScene.StartAsync(Db.Sqlite);
        var tenant = await scene.BearerAsync(OversightScene.Tenant);
        var employee = await scene.BearerAsync(OversightScene.Employee);
        var operatorA = await scene.BearerAsync(OversightScene.OperatorA);
        var gov = await scene.BearerAsync(OversightScene.Government);

        foreach (var path in ParkEndpoints.Concat(ZoneEndpoints))
        {
            (await tenant.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await employee.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await scene.Anonymous().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
        foreach (var path in ZoneEndpoints)
        {
            (await operatorA.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await gov.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
        foreach (var path in ParkEndpoints) (await operatorA.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var tenantPages = await scene.CookieAsync(OversightScene.Tenant);
        foreach (var page in new[] { "/park/bookings", $"/park/spaces/{scene.Hall}/rules", "/gov/bookings" })
            PortalBrowser.RedirectPath(await tenantPages.GetAsync(page)).ShouldStartWith("/account/denied", customMessage: page);
    }

    [Fact]
    public async Task A_week_that_is_not_a_date_or_out_of_range_gets_400_with_a_clear_message()
    {
        await using var scene = await OversightScene.StartAsync(Db.Sqlite, bookings: false);
        var operatorA = await scene.BearerAsync(OversightScene.OperatorA);

        var response = await operatorA.GetAsync("/api/v1/park/bookings/week?week=next-tuesday");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        problem!.Detail.ShouldBe("The week must be a date like 2026-11-23 (years 2000 to 2999), not 'next-tuesday'.");
        (await operatorA.GetAsync("/api/v1/park/bookings/week?week=0001-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await operatorA.GetAsync("/api/v1/park/bookings/week?week=9999-12-31")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var pages = await scene.CookieAsync(OversightScene.OperatorA);
        foreach (var week in new[] { "next-tuesday", "0001-01-01", "9999-12-31" })
        {
            var page = await pages.GetAsync("/park/bookings?week=" + week);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, week);
            PortalBrowser.Text(await page.Content.ReadAsStringAsync()).ShouldContain("That week could not be read; showing this week.");
        }
    }

    /// <summary>The text around the first <paramref name="word"/>, to say where a page shows it.</summary>
    private static string Around(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        return at < 0 ? "" : $"…{text.AsSpan(Math.Max(0, at - 150), Math.Min(text.Length - Math.Max(0, at - 150), 300))}…";
    }
}
