using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Each rule a park operator sets for a space is obeyed, and named when broken.</summary>
public sealed class SpaceRulesTests
{
    private static async Task<(HttpResponseMessage Response, string Detail)> BookAsync(HttpClient client, BookingScene scene, string start, string end, int? attendees = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", new { start, end, purpose = "Workshop", attendees });
        var detail = response.IsSuccessStatusCode ? "" : (await response.Content.ReadFromJsonAsync<Problem>())!.Detail ?? "";
        return (response, detail);
    }

    [Theory, BothDatabases]
    public async Task Minimum_and_maximum_duration_and_horizon_are_the_spaces_own(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), minMinutes: 60, maxMinutes: 120, maxDaysAhead: 7);
        var client = scene.Client(0);

        (await BookAsync(client, scene, BookingScene.At(2, 10), BookingScene.At(2, 10, 30))).Detail.ShouldContain("at least 1 hour");
        (await BookAsync(client, scene, BookingScene.At(2, 10), BookingScene.At(2, 13))).Detail.ShouldContain("at most 2 hours");
        (await BookAsync(client, scene, BookingScene.At(9, 10), BookingScene.At(9, 11))).Detail.ShouldContain("at most 7 days ahead");
        (await BookAsync(client, scene, BookingScene.At(2, 10), BookingScene.At(2, 12))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, BothDatabases]
    public async Task Opening_hours_set_by_the_operator_apply_at_once(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var client = scene.Client(0);
        (await BookAsync(client, scene, BookingScene.At(2, 7), BookingScene.At(2, 8))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), opensAt: "09:00", closesAt: "18:00");

        var early = await BookAsync(client, scene, BookingScene.At(3, 7), BookingScene.At(3, 8));
        early.Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        early.Detail.ShouldContain("opening hours (09:00-18:00");
    }

    [Theory, BothDatabases]
    public async Task A_blackout_day_cannot_be_booked_and_is_missing_from_availability(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        var day = DateOnly.Parse(BookingScene.At(4, 0)[..10], System.Globalization.CultureInfo.InvariantCulture);
        var blackout = await operatorClient.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/blackouts",
            new { firstDay = day, lastDay = day, reason = "Floor polishing" });
        blackout.StatusCode.ShouldBe(HttpStatusCode.Created);

        var refused = await BookAsync(scene.Client(0), scene, BookingScene.At(4, 10), BookingScene.At(4, 11));
        refused.Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Detail.ShouldContain("closed for bookings");
        refused.Detail.ShouldContain("Floor polishing");
        var slots = await scene.Client(0).GetFromJsonAsync<JsonElement>(
            $"/api/v1/spaces/{scene.SpaceId}/availability?from={Uri.EscapeDataString(BookingScene.At(4, 0))}&to={Uri.EscapeDataString(BookingScene.At(5, 12))}");
        slots.EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ShouldAllBe(s => s >= DateTimeOffset.Parse(BookingScene.At(5, 0), System.Globalization.CultureInfo.InvariantCulture));

        var id = (await blackout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await operatorClient.DeleteAsync($"/api/v1/spaces/{scene.SpaceId}/blackouts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await BookAsync(scene.Client(0), scene, BookingScene.At(4, 10), BookingScene.At(4, 11))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, BothDatabases]
    public async Task The_buffer_keeps_time_free_after_each_booking(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 2);
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), bufferMinutes: 30);
        (await BookAsync(scene.Client(0), scene, BookingScene.At(3, 10), BookingScene.At(3, 11))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        var tooSoon = await scene.Client(1).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(3, 11, 15), BookingScene.At(3, 12)));
        tooSoon.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var alternatives = (await tooSoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alternatives");
        alternatives[0].GetProperty("start").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse(BookingScene.At(3, 11, 30), System.Globalization.CultureInfo.InvariantCulture));
        (await BookAsync(scene.Client(1), scene, BookingScene.At(3, 11, 30), BookingScene.At(3, 12))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        // The buffer follows a booking, so one that ends 30 minutes before another would hold into it.
        (await BookAsync(scene.Client(1), scene, BookingScene.At(3, 9), BookingScene.At(3, 9, 45))).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothDatabases]
    public async Task An_enterprise_reaches_its_weekly_quota_but_others_do_not(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), weeklyQuota: 2);
        var tenant = await scene.NewClientAsync(Who.Tenant);
        var day = WeekdayAhead(DayOfWeek.Tuesday);

        (await BookAsync(tenant, scene, BookingScene.At(day, 9), BookingScene.At(day, 10))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BookAsync(tenant, scene, BookingScene.At(day, 11), BookingScene.At(day, 12))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var third = await BookAsync(tenant, scene, BookingScene.At(day + 1, 9), BookingScene.At(day + 1, 10));

        third.Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        third.Detail.ShouldContain("weekly quota");
        (await BookAsync(tenant, scene, BookingScene.At(day + 7, 9), BookingScene.At(day + 7, 10))).Response.StatusCode.ShouldBe(HttpStatusCode.Created, "next week");
        (await BookAsync(scene.Client(0), scene, BookingScene.At(day + 1, 9), BookingScene.At(day + 1, 10))).Response.StatusCode.ShouldBe(HttpStatusCode.Created, "no enterprise, no quota");
    }

    [Theory, BothDatabases]
    public async Task The_weekly_quota_holds_under_concurrent_requests(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), weeklyQuota: 3);
        var tenant = await scene.NewClientAsync(Who.Tenant);
        var day = WeekdayAhead(DayOfWeek.Monday);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(hour =>
            BookAsync(tenant, scene, BookingScene.At(day + hour / 10, hour % 10 + 8), BookingScene.At(day + hour / 10, hour % 10 + 9))));

        responses.Count(r => r.Response.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        responses.Count(r => r.Detail.Contains("weekly quota", StringComparison.Ordinal)).ShouldBe(17);
    }

    [Theory, BothDatabases]
    public async Task Who_may_book_is_enforced_with_403(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        var tenant = await scene.NewClientAsync(Who.Tenant);
        var otherEnterprise = await scene.NewClientAsync(Who.OtherEnterprise);
        var employee = await scene.NewClientAsync(Who.Employee);

        await scene.SetRulesAsync(operatorClient, audience: "park-tenants");
        (await BookAsync(otherEnterprise, scene, BookingScene.At(2, 9), BookingScene.At(2, 10))).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await BookAsync(employee, scene, BookingScene.At(2, 9), BookingScene.At(2, 10))).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await BookAsync(tenant, scene, BookingScene.At(2, 9), BookingScene.At(2, 10))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BookAsync(operatorClient, scene, BookingScene.At(2, 10), BookingScene.At(2, 11))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        await scene.SetRulesAsync(operatorClient, audience: "zone-enterprises");
        (await BookAsync(employee, scene, BookingScene.At(2, 12), BookingScene.At(2, 13))).Detail.ShouldContain("Only enterprises");
        (await BookAsync(otherEnterprise, scene, BookingScene.At(2, 12), BookingScene.At(2, 13))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        await scene.SetRulesAsync(operatorClient, audience: "signed-in");
        (await BookAsync(employee, scene, BookingScene.At(2, 14), BookingScene.At(2, 15))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, BothDatabases]
    public async Task Attendees_beyond_capacity_get_400(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), capacity: 12);

        var crowd = await BookAsync(scene.Client(0), scene, BookingScene.At(2, 9), BookingScene.At(2, 10), attendees: 13);

        crowd.Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        crowd.Detail.ShouldContain("holds 12 people");
        (await BookAsync(scene.Client(0), scene, BookingScene.At(2, 9), BookingScene.At(2, 10), attendees: 12)).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, BothDatabases]
    public async Task Invalid_rules_get_400_naming_each_field_and_change_nothing(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        var operatorClient = await scene.NewClientAsync(Who.Operator);

        var response = await operatorClient.PutAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/rules", new
        {
            opensAt = "9am", closesAt = "18:00", openDays = new[] { 0, 8 }, capacity = 0, defaultMinutes = 20, minMinutes = 60, maxMinutes = 30,
            bufferMinutes = -5, maxDaysAhead = 400, weeklyQuotaPerEnterprise = 0, requiresApproval = false, audience = "friends", noShowReleaseMinutes = 1,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "opensAt", "openDays", "capacity", "defaultMinutes", "maxMinutes", "bufferMinutes", "maxDaysAhead", "weeklyQuotaPerEnterprise", "audience", "noShowReleaseMinutes" })
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        var rules = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{scene.SpaceId}/rules");
        rules.GetProperty("capacity").GetInt32().ShouldBe(80);
        rules.GetProperty("audience").GetString().ShouldBe("signed-in");
    }

    [Theory, BothDatabases]
    public async Task Only_the_spaces_own_park_operator_sets_its_rules(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        var body = new
        {
            opensAt = "09:00", closesAt = "18:00", openDays = new[] { 1 }, capacity = 5, defaultMinutes = 60, minMinutes = 15, maxMinutes = 120,
            bufferMinutes = 0, maxDaysAhead = 30, weeklyQuotaPerEnterprise = (int?)null, requiresApproval = true, audience = "signed-in", noShowReleaseMinutes = 15,
        };

        (await (await scene.NewClientAsync(Who.OtherOperator)).PutAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/rules", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await scene.NewClientAsync(Who.Tenant)).PutAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/rules", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await scene.NewClientAsync(Who.OtherOperator)).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/blackouts",
            new { firstDay = "2030-01-01", lastDay = "2030-01-02", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var rules = await (await scene.NewClientAsync(Who.Employee)).GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{scene.SpaceId}/rules");
        rules.GetProperty("requiresApproval").GetBoolean().ShouldBeFalse();
    }

    /// <summary>Days from today (zone time) to the next given weekday at least 2 days ahead.</summary>
    private static int WeekdayAhead(DayOfWeek weekday)
    {
        var today = DateOnly.Parse(BookingScene.At(0, 0)[..10], System.Globalization.CultureInfo.InvariantCulture);
        for (var days = 2; ; days++)
        {
            if (today.AddDays(days).DayOfWeek == weekday) return days;
        }
    }
}
