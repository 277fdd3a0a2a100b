using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Bookings say where: park, building, floor, room and street address, with links to the
/// space's page and its spot in the 3D world, in the API, the calendar file and the notifications.</summary>
public sealed class BookingPlaceTests
{
    [Theory, BothDatabases]
    public async Task A_booking_names_park_building_floor_room_and_address_and_links_to_the_space_and_the_world(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await PutInBuildingAsync(app, scene, floor: 3);

        var created = await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            new { start = BookingScene.At(3, 10), end = BookingScene.At(3, 11), purpose = "Design review", attendees = 6 });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var booking in new[]
        {
            await scene.Client(0).GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}"),
            (await scene.Client(0).GetFromJsonAsync<JsonElement>("/api/v1/me/bookings"))[0],
        })
        {
            var place = booking.GetProperty("place");
            place.GetProperty("parkNameEn").GetString().ShouldBe("Booking Park");
            place.GetProperty("addressEn").GetString().ShouldBe("1 Booking Road");
            place.GetProperty("addressZh").GetString().ShouldBe("预约路1号");
            place.GetProperty("buildingNameEn").GetString().ShouldBe("Building 7");
            place.GetProperty("floor").GetInt32().ShouldBe(3);
            place.GetProperty("roomNameEn").GetString().ShouldBe("Multipurpose Hall");
            place.GetProperty("spaceUrl").GetString().ShouldBe($"/directory/spaces/{scene.SpaceId}");
            place.GetProperty("worldUrl").GetString().ShouldBe($"/world/{scene.ParkId}?space={scene.SpaceId}");
            booking.GetProperty("purpose").GetString().ShouldBe("Design review");
            booking.GetProperty("attendees").GetInt32().ShouldBe(6);
        }

        var ics = Unfold(await scene.Client(0).GetStringAsync($"/api/v1/bookings/{id}/booking.ics"));
        var location = ics.Single(l => l.StartsWith("LOCATION:", StringComparison.Ordinal));
        location.ShouldContain("Multipurpose Hall · Building 7\\, floor 3 · Booking Park\\, 1 Booking Road");
        location.ShouldContain("预约路1号 预约园 · 7号楼 3层 · 多功能厅");
        var description = ics.Single(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        description.ShouldContain("Design review");
        description.ShouldContain($"/directory/spaces/{scene.SpaceId}");
        description.ShouldContain($"/world/{scene.ParkId}?space={scene.SpaceId}");
        Unfold(await scene.Client(0).GetStringAsync("/api/v1/me/bookings.ics")).ShouldContain(location);
    }

    [Theory, BothDatabases]
    public async Task A_bookings_ics_parses_back_with_its_place_links_times_and_time_zone(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false,
            new Dictionary<string, string?> { ["Lingjing:PublicBaseUrl"] = "https://park.example.test" });
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await PutInBuildingAsync(app, scene, floor: 3);
        var created = await (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            new { start = BookingScene.At(3, 10), end = BookingScene.At(3, 11), purpose = "Design review; sketches, models" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var calendar = Ical.Net.Calendar.Load(await scene.Client(0).GetStringAsync($"/api/v1/bookings/{id}/booking.ics"))!;

        calendar.TimeZones.ShouldHaveSingleItem().TzId.ShouldBe("Asia/Shanghai");
        var booking = calendar.Events.ShouldHaveSingleItem();
        booking.Uid.ShouldBe($"{id}@lingjing");
        booking.DtStamp.ShouldNotBeNull();
        booking.DtStart!.TzId.ShouldBe("Asia/Shanghai");
        booking.DtStart.AsUtc.ShouldBe(created.GetProperty("start").GetDateTimeOffset().UtcDateTime);
        booking.DtEnd!.AsUtc.ShouldBe(created.GetProperty("end").GetDateTimeOffset().UtcDateTime);
        booking.Status.ShouldBe("CONFIRMED");
        booking.Summary.ShouldBe("Multipurpose Hall · 多功能厅");
        booking.Location!.ShouldContain("Multipurpose Hall · Building 7, floor 3 · Booking Park, 1 Booking Road");
        booking.Location!.ShouldContain("预约路1号 预约园 · 7号楼 3层 · 多功能厅");
        booking.Description.ShouldBe(string.Join('\n', "Design review; sketches, models",
            $"Space 空间: https://park.example.test/directory/spaces/{scene.SpaceId}",
            $"3D world 三维园区: https://park.example.test/world/{scene.ParkId}?space={scene.SpaceId}"));
        booking.Url.ShouldBe(new Uri($"https://park.example.test/bookings/{id}"));
    }

    [Theory, BothDatabases]
    public async Task Notifications_about_a_booking_name_the_building_floor_park_and_address(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await PutInBuildingAsync(app, scene, floor: 2);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        await scene.SetRulesAsync(operatorClient, approval: true);

        var id = (await (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 11)))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await operatorClient.PostAsync($"/api/v1/bookings/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var requested = await operatorClient.GetStringAsync("/api/v1/me/notifications");
        requested.ShouldContain("Multipurpose Hall · Building 7, floor 2 · Booking Park (1 Booking Road)");
        var approved = await scene.Client(0).GetStringAsync("/api/v1/me/notifications");
        approved.ShouldContain("Building 7, floor 2");
        approved.ShouldContain("预约园 · 7号楼 2层 · 多功能厅（预约路1号）");
    }

    /// <summary>Lists of spaces name each one's park: two "Building 1"s of different parks are told apart.</summary>
    [Fact]
    public async Task Suggested_spaces_on_me_carry_their_park()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var space = await data.Set<Space>().FirstAsync(s => s.Id == scene.SpaceId);
            space.SpaceType = "meeting-room";
            await data.SaveChangesAsync();
        }
        var operatorClient = await scene.NewClientAsync(Who.Operator);

        var me = await operatorClient.GetStringAsync("/me");

        me.ShouldContain("data-testid=\"suggested-park\">Booking Park<");
    }

    private static async Task PutInBuildingAsync(LingjingApp app, BookingScene scene, int floor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var building = new Building { ParkId = scene.ParkId, NameZh = "7号楼", NameEn = "Building 7", Footprint = "[[0,0],[10,0],[10,10]]", Floors = 5, HeightMeters = 20 };
        data.Set<Building>().Add(building);
        await data.SaveChangesAsync();
        var space = await data.Set<Space>().FirstAsync(s => s.Id == scene.SpaceId);
        (space.BuildingId, space.Floor) = (building.Id, floor);
        await data.SaveChangesAsync();
    }

    /// <summary>The content lines of an iCalendar file, folded lines joined again.</summary>
    private static List<string> Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").ToList();
}
