using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings.Oversight;

/// <summary>Utilization figures of the hand-made <see cref="OversightScene"/>, to the hour: open hours
/// from opening hours, open days and blackouts; booked, pending and released hours from bookings.</summary>
public sealed class UtilizationTests
{
    [Theory, BothDatabases]
    public async Task Daily_utilization_counts_open_booked_pending_and_released_hours_exactly(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db);
        var operatorA = await scene.BearerAsync(OversightScene.OperatorA);

        var days = (await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/utilization/daily")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("day").GetString()!);

        days.Count.ShouldBe(35);
        days.Keys.Min().ShouldBe("2030-02-06");
        days.Keys.Max().ShouldBe("2030-03-12");
        // Monday: Hall 8 h + Studio 6 h open; 2 h (checked in) + 3 h booked; the no-show's hour released; the cancellation ignored.
        Day(days["2030-03-04"]).ShouldBe((14, 5, 0, 1, 0.3571, false));
        // Tuesday: Hall closed by its blackout, Studio open.
        Day(days["2030-03-05"]).ShouldBe((6, 0, 0, 0, 0, false));
        // Today counts as upcoming; Thursday has a pending booking, Friday a confirmed one.
        Day(days["2030-03-06"]).ShouldBe((14, 0, 0, 0, 0, true));
        Day(days["2030-03-07"]).ShouldBe((14, 0, 2, 0, 0, true));
        Day(days["2030-03-08"]).ShouldBe((14, 1, 0, 0, 0.0714, true));
        // Saturday: the Studio is closed at weekends.
        Day(days["2030-03-09"]).ShouldBe((8, 0, 0, 0, 0, true));
        // Sunday 10 Feb: a 16:00-18:00 booking counts only up to the Hall's 17:00 closing.
        Day(days["2030-02-10"]).ShouldBe((8, 1, 0, 0, 0.125, false));
    }

    [Theory, BothDatabases]
    public async Task Space_types_and_the_summary_cover_the_last_28_full_days(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db);
        var operatorA = await scene.BearerAsync(OversightScene.OperatorA);

        var types = (await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/utilization/space-types")).EnumerateArray()
            .ToDictionary(t => t.GetProperty("spaceType").GetString()!);
        var summary = await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/summary");

        types.Keys.ShouldBe(["theatre", "studio"], ignoreOrder: false);
        // Hall: 28 days x 8 h minus the blackout day; booked 2 h + 1 h (clipped), released 1 h.
        Group(types["theatre"]).ShouldBe((1, 216, 3, 1, 0.0139));
        // Studio: 20 weekdays x 6 h; booked 3 h.
        Group(types["studio"]).ShouldBe((1, 120, 3, 0, 0.025));
        types["theatre"].GetProperty("nameZh").GetString().ShouldBe("剧场");

        summary.GetProperty("spaces").GetInt32().ShouldBe(2);
        // This week (Mon 4 - Sun 10 March): 2 Hall + 1 Studio on Monday, the pending Thursday, the Friday; not the cancellation.
        summary.GetProperty("bookingsThisWeek").GetInt32().ShouldBe(5);
        summary.GetProperty("openHours").GetDouble().ShouldBe(336);
        summary.GetProperty("bookedHours").GetDouble().ShouldBe(6);
        summary.GetProperty("utilization").GetDouble().ShouldBe(0.0179);
        // 3 confirmed bookings and 1 no-show started in the last 28 days.
        summary.GetProperty("noShowRate").GetDouble().ShouldBe(0.25);
        summary.GetProperty("noShows").GetInt32().ShouldBe(1);
        summary.GetProperty("pendingApprovals").GetInt32().ShouldBe(1);
        summary.GetProperty("from").GetString().ShouldBe("2030-02-06");
        summary.GetProperty("to").GetString().ShouldBe("2030-03-05");
    }

    [Theory, BothDatabases]
    public async Task The_government_sees_every_park_and_the_whole_zone(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db);
        var gov = await scene.BearerAsync(OversightScene.Government);

        var parks = (await gov.GetFromJsonAsync<JsonElement>("/api/v1/zone/bookings/utilization/parks")).EnumerateArray().ToList();
        var summary = await gov.GetFromJsonAsync<JsonElement>("/api/v1/zone/bookings/summary");
        var types = (await gov.GetFromJsonAsync<JsonElement>("/api/v1/zone/bookings/utilization/space-types")).EnumerateArray()
            .Select(t => t.GetProperty("spaceType").GetString()).ToList();
        var monday = (await gov.GetFromJsonAsync<JsonElement>("/api/v1/zone/bookings/utilization/daily")).EnumerateArray()
            .Single(d => d.GetProperty("day").GetString() == "2030-03-04");

        parks.Select(p => p.GetProperty("parkId").GetInt32()).ShouldBe([scene.ParkA, scene.ParkB], ignoreOrder: true);
        var parkA = parks.Single(p => p.GetProperty("parkId").GetInt32() == scene.ParkA);
        Group(parkA).ShouldBe((2, 336, 6, 1, 0.0179));
        var parkB = parks.Single(p => p.GetProperty("parkId").GetInt32() == scene.ParkB);
        // The Room is open 00:00-23:59: 28 days x 23 h 59 min; one hour booked.
        Group(parkB).ShouldBe((1, 671.53, 1, 0, 0.0015));
        parks[0].GetProperty("parkId").GetInt32().ShouldBe(scene.ParkA, "highest utilization first");
        types.ShouldBe(["theatre", "studio", "meeting-room"]);
        summary.GetProperty("spaces").GetInt32().ShouldBe(3);
        summary.GetProperty("bookingsThisWeek").GetInt32().ShouldBe(6);
        summary.GetProperty("noShowRate").GetDouble().ShouldBe(0.2);
        monday.GetProperty("bookedHours").GetDouble().ShouldBe(6);
        monday.GetProperty("openHours").GetDouble().ShouldBe(37.98);
    }

    [Theory, BothDatabases]
    public async Task A_park_without_spaces_has_no_figures(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db, bookings: false, spaces: false);
        var operatorA = await scene.BearerAsync(OversightScene.OperatorA);

        (await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/utilization/daily")).GetArrayLength().ShouldBe(0);
        (await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/utilization/space-types")).GetArrayLength().ShouldBe(0);
        var summary = await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/summary");
        summary.GetProperty("spaces").GetInt32().ShouldBe(0);
        summary.GetProperty("utilization").GetDouble().ShouldBe(0);
        (await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/week")).GetProperty("rows").GetArrayLength().ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task A_window_past_midnight_counts_for_the_day_it_opens(Db db)
    {
        await using var scene = await OversightScene.StartAsync(db, bookings: false, spaces: false);
        // Open 20:00-02:00 on Mondays only; a confirmed booking Monday 4 March 23:00 to 01:30, a pending one Monday 11 March 23:30 to 00:30.
        await scene.AddSpaceAsync("Night Stage", "theatre", new TimeOnly(20, 0), new TimeOnly(2, 0), 0b0000001,
            (OversightScene.At(3, 4, 23), OversightScene.At(3, 5, 1, 30), "confirmed"),
            (OversightScene.At(3, 11, 23, 30), OversightScene.At(3, 12, 0, 30), "pending"));
        var operatorA = await scene.BearerAsync(OversightScene.OperatorA);

        var days = (await operatorA.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/utilization/daily")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("day").GetString()!);

        Day(days["2030-03-04"]).ShouldBe((6, 2.5, 0, 0, 0.4167, false));
        Day(days["2030-03-05"]).ShouldBe((0, 0, 0, 0, 0, false));
        Day(days["2030-03-11"]).ShouldBe((6, 0, 1, 0, 0, true));
        days.Values.Sum(d => d.GetProperty("openHours").GetDouble()).ShouldBe(6 * 5, "five Mondays from 6 February to 12 March");
    }

    private static (double Open, double Booked, double Pending, double Released, double Utilization, bool Upcoming) Day(JsonElement day) =>
        (day.GetProperty("openHours").GetDouble(), day.GetProperty("bookedHours").GetDouble(), day.GetProperty("pendingHours").GetDouble(),
            day.GetProperty("releasedHours").GetDouble(), day.GetProperty("utilization").GetDouble(), day.GetProperty("upcoming").GetBoolean());

    private static (int Spaces, double Open, double Booked, double Released, double Utilization) Group(JsonElement group) =>
        (group.GetProperty("spaces").GetInt32(), group.GetProperty("openHours").GetDouble(), group.GetProperty("bookedHours").GetDouble(),
            group.GetProperty("releasedHours").GetDouble(), group.GetProperty("utilization").GetDouble());
}
