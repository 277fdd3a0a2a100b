using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Bookings;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Platform;

/// <summary>Values kept in HybridCache are served again from it, and a write on this node makes the next read
/// see the change at once: by key where a service evicts, by table tag for any EF Core save, and by hand after
/// raw SQL (the bookings writer).</summary>
public sealed class HybridCacheTests
{
    [Fact]
    public async Task A_scene_is_served_from_the_cache_until_a_building_is_added_to_its_park()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var parkId = await AddAsync(app, ZoneRows.Park("Cache Park"));
        var scenes = app.Service<WorldScenes>();

        var first = await scenes.ParkAsync(parkId, default);
        (await scenes.ParkAsync(parkId, default)).ShouldBeSameAs(first);

        await AddAsync(app, new Building { ParkId = parkId, NameZh = "新楼", NameEn = "New Hall", Footprint = "[[0,0],[10,0],[10,10]]", Floors = 2, HeightMeters = 8 });

        var after = await scenes.ParkAsync(parkId, default);
        after.ShouldNotBeSameAs(first);
        after!.Parks.ShouldHaveSingleItem().Buildings.ShouldContain(b => b.NameEn == "New Hall");
    }

    [Fact]
    public async Task A_space_saved_through_ef_core_is_read_fresh_by_the_booking_rules()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var spaces = app.Service<BookableSpaces>();
        var cached = await spaces.FindAsync(scene.SpaceId, default);
        (await spaces.FindAsync(scene.SpaceId, default)).ShouldBeSameAs(cached);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            (await db.Set<Space>().FirstAsync(s => s.Id == scene.SpaceId)).Capacity = 7;
            await db.SaveChangesAsync();
        }

        (await scene.Client(0).GetFromJsonAsync<SpaceRulesView>($"/api/v1/spaces/{scene.SpaceId}/rules"))!.Capacity.ShouldBe(7);
    }

    [Theory, BothDatabases]
    public async Task Utilization_shows_a_booking_and_its_cancellation_at_once(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        (await BookedHoursAsync(operatorClient)).ShouldBe(0);
        (await BookedHoursAsync(operatorClient)).ShouldBe(0); // now from the cache

        var created = await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 10), BookingScene.At(2, 11)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BookedHoursAsync(operatorClient)).ShouldBe(1);

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await scene.Client(0).DeleteAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await BookedHoursAsync(operatorClient)).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task A_rescheduled_booking_moves_in_the_utilization_at_once(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        var created = await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(BookingScene.At(2, 10), BookingScene.At(2, 11)));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await BookedHoursAsync(operatorClient)).ShouldBe(1);

        var moved = await scene.Client(0).PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { start = BookingScene.At(2, 10), end = BookingScene.At(2, 13) });

        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await BookedHoursAsync(operatorClient)).ShouldBe(3);
    }

    private static async Task<double> BookedHoursAsync(HttpClient operatorClient) =>
        (await operatorClient.GetFromJsonAsync<List<JsonElement>>("/api/v1/park/bookings/utilization/daily"))!
            .Sum(d => d.GetProperty("bookedHours").GetDouble() + d.GetProperty("pendingHours").GetDouble());

    private static async Task<int> AddAsync<T>(LingjingApp app, T row) where T : class
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        db.Add(row);
        await db.SaveChangesAsync();
        return (int)db.Entry(row).Property("Id").CurrentValue!;
    }
}
