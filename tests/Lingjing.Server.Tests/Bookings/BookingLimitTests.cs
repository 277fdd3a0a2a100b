using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Fair use: a park limits the active bookings one person and one enterprise may hold in its
/// spaces (zone defaults 3 and 10), counted in the same transaction as the no-overlap guarantee, so
/// many requests at once never get past the limit.</summary>
[Collection(nameof(BookingLoadCollection))]
public sealed class BookingLimitTests : IDisposable
{
    public BookingLimitTests() => NpgsqlConnection.ClearAllPools();

    public void Dispose() => NpgsqlConnection.ClearAllPools();

    [Theory, BothDatabases]
    public async Task One_person_sending_twenty_bookings_at_once_gets_exactly_the_parks_limit_of_three(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        // Twenty different hours: none overlaps another, so only the limit stops them.
        var bodies = Enumerable.Range(0, 20).Select(i => BookingScene.Body(BookingScene.At(3, i), BookingScene.At(3, i, 45))).ToList();

        var responses = await Task.WhenAll(bodies.Select(b => scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", b)));

        var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}: {g.Count()}"));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3, statuses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(17, statuses);
        (await scene.LiveRowsAsync()).ShouldBe(3);
        var refused = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<Problem>();
        refused!.Title.ShouldBe("Booking limit reached");
        refused.Detail!.ShouldContain("3 active bookings in this park");
    }

    [Theory, BothDatabases]
    public async Task The_accounts_of_one_enterprise_booking_at_once_get_at_most_the_enterprise_limit(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        (await operatorClient.PutAsJsonAsync($"/api/v1/parks/{scene.ParkId}/booking-limits", new { activePerPerson = (int?)null, activePerEnterprise = 4 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var colleagues = new List<HttpClient>();
        for (var i = 0; i < 6; i++) colleagues.Add(await scene.NewClientAsync(Who.Tenant));

        var responses = await Task.WhenAll(Enumerable.Range(0, 18).Select(i => colleagues[i % 6].PostAsJsonAsync(
            $"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(4, i), BookingScene.At(4, i, 30)))));

        var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}: {g.Count()}"));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(4, statuses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(14, statuses);
        (await scene.LiveRowsAsync()).ShouldBe(4);
        (await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<Problem>())!.Detail!
            .ShouldContain("Your enterprise already holds 4 active bookings in this park");
    }

    [Theory, BothDatabases]
    public async Task Cancelling_frees_a_place_under_the_limit_and_bookings_in_other_parks_do_not_count(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var other = await OtherParkSpaceAsync(app);
        var me = scene.Client(0);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var created = await me.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 9 + i), BookingScene.At(2, 10 + i)));
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        (await me.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 14), BookingScene.At(2, 15))))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await me.PostAsJsonAsync($"/api/v1/spaces/{other}/bookings", BookingScene.Body(BookingScene.At(2, 14), BookingScene.At(2, 15))))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await me.DeleteAsync($"/api/v1/bookings/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await me.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 14), BookingScene.At(2, 15))))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, BothDatabases]
    public async Task Park_operators_read_and_set_their_parks_limits_and_bad_values_get_a_problem_that_says_why(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        var url = $"/api/v1/parks/{scene.ParkId}/booking-limits";

        var defaults = await scene.Client(0).GetFromJsonAsync<JsonElement>(url);
        defaults.GetProperty("activePerPerson").GetInt32().ShouldBe(3);
        defaults.GetProperty("activePerEnterprise").GetInt32().ShouldBe(10);
        defaults.GetProperty("zoneDefaults").GetBoolean().ShouldBeTrue();

        var bad = await operatorClient.PutAsJsonAsync(url, new { activePerPerson = 0, activePerEnterprise = 5000 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("The limits are not valid");
        problem.GetProperty("errors").GetProperty("activePerPerson")[0].GetString().ShouldBe("Between 1 and 1000, or blank for no limit.");
        problem.GetProperty("errors").GetProperty("activePerEnterprise").GetArrayLength().ShouldBe(1);
        (await operatorClient.PutAsync(url, JsonContent.Create(new { activePerPerson = "three" }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await scene.NewClientAsync(Who.OtherOperator)).PutAsJsonAsync(url, new { activePerPerson = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await scene.Client(0).PutAsJsonAsync(url, new { activePerPerson = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var saved = await operatorClient.PutAsJsonAsync(url, new { activePerPerson = 1, activePerEnterprise = (int?)null });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var limits = await saved.Content.ReadFromJsonAsync<JsonElement>();
        limits.GetProperty("activePerPerson").GetInt32().ShouldBe(1);
        limits.GetProperty("activePerEnterprise").ValueKind.ShouldBe(JsonValueKind.Null);
        limits.GetProperty("zoneDefaults").GetBoolean().ShouldBeFalse();
        (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 9), BookingScene.At(2, 10))))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 11), BookingScene.At(2, 12))))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_zone_defaults_come_from_configuration()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, new Dictionary<string, string?>
        {
            ["Lingjing:Bookings:ActivePerPerson"] = "1", ["Lingjing:Bookings:ActivePerEnterprise"] = "0",
        });
        var scene = await BookingScene.CreateAsync(app, users: 1);

        var limits = await scene.Client(0).GetFromJsonAsync<JsonElement>($"/api/v1/parks/{scene.ParkId}/booking-limits");

        limits.GetProperty("activePerPerson").GetInt32().ShouldBe(1);
        limits.GetProperty("activePerEnterprise").ValueKind.ShouldBe(JsonValueKind.Null);
        (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 9), BookingScene.At(2, 10))))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 11), BookingScene.At(2, 12))))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static async Task<int> OtherParkSpaceAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = ZoneRows.Park("Second Park");
        db.Set<Park>().Add(park);
        await db.SaveChangesAsync();
        var space = ZoneRows.Space(park.Id, "Second Room");
        db.Set<Space>().Add(space);
        await db.SaveChangesAsync();
        return space.Id;
    }
}
