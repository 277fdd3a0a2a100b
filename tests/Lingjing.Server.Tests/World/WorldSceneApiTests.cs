using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.World;

public sealed class WorldSceneApiTests
{
    private static async Task<(LingjingApp App, HttpClient Client)> StartAsync(Db database)
    {
        var app = await LingjingApp.StartAsync(database, demo: false);
        await TestUsers.CreateAsync(app, "visitor@test.local", Roles.Employee);
        return (app, await app.SignedInAsync("visitor@test.local", TestUsers.Password));
    }

    [Theory, BothDatabases]
    public async Task Park_scene_has_boundary_buildings_spaces_open_now_and_showrooms(Db database)
    {
        var (app, client) = await StartAsync(database);
        await using var _ = app;
        var park = await WorldTestZone.AddParkAsync(app, "P01", buildings: 4, enterprisesPerBuilding: 8);

        var scene = (await client.GetFromJsonAsync<WorldScene>($"/api/v1/world/{park.Id}/scene"))!;

        scene.WorldId.ShouldBe($"park-{park.Id}");
        scene.Kind.ShouldBe("park");
        var only = scene.Parks.ShouldHaveSingleItem();
        only.Origin.ShouldBe([0, 0]);
        only.Boundary.Length.ShouldBe(4);
        only.Buildings.Count.ShouldBe(4);
        only.Buildings[0].Footprint.Length.ShouldBe(4);
        only.Buildings[0].Height.ShouldBe(12);
        only.Buildings[0].NameZh.ShouldBe("1号楼");
        only.Buildings[0].ModelUrl.ShouldBeNull();
        only.Spaces.Count.ShouldBe(4);
        only.Spaces.Single(s => s.NameEn == "Space 1").OpenNow.ShouldBeTrue();
        only.Spaces.Single(s => s.NameEn == "Space 2").OpenNow.ShouldBeFalse();
        only.Spaces[0].TypeEn.ShouldBe("Exhibition hall");
        only.Spaces[0].OpensAt.ShouldBe("00:00");
        // A few showrooms per building, the largest enterprises first.
        only.Buildings.ShouldAllBe(b => b.Showrooms.Count == WorldSceneBuilder.ShowroomsPerBuilding);
        only.Buildings[0].Showrooms[0].NameEn.ShouldBe("P01 Studio 7");
        // The avatar starts inside the park.
        scene.Spawn[0].ShouldBeInRange(scene.Bounds[0], scene.Bounds[2]);
        scene.Spawn[1].ShouldBeInRange(scene.Bounds[1], scene.Bounds[3]);
    }

    [Theory, BothDatabases]
    public async Task Zone_scene_places_every_park_apart_by_its_coordinates(Db database)
    {
        var (app, client) = await StartAsync(database);
        await using var _ = app;
        await WorldTestZone.AddParkAsync(app, "Z01", buildings: 2, latitude: 39.90, longitude: 116.40);
        await WorldTestZone.AddParkAsync(app, "Z02", buildings: 3, latitude: 39.91, longitude: 116.42);

        var scene = (await client.GetFromJsonAsync<WorldScene>("/api/v1/world/zone/scene"))!;

        scene.WorldId.ShouldBe("zone");
        scene.Parks.Count.ShouldBe(2);
        var (west, east) = (scene.Parks[0], scene.Parks[1]);
        // 0.02° of longitude at 39.9° north is about 1.7 km; 0.01° of latitude about 1.1 km.
        (east.Origin[0] - west.Origin[0]).ShouldBeInRange(1650, 1750);
        (east.Origin[1] - west.Origin[1]).ShouldBeInRange(1050, 1160);
        scene.Parks.Sum(p => p.Buildings.Count).ShouldBe(5);
        scene.Parks.SelectMany(p => p.Buildings).ShouldAllBe(b => b.Showrooms.Count == WorldSceneBuilder.ShowroomsPerBuildingInZone);
        scene.Bounds[2].ShouldBeGreaterThan(scene.Bounds[0] + 1650);
    }

    [Theory, BothDatabases]
    public async Task Unknown_park_is_a_404_with_problem_details(Db database)
    {
        var (app, client) = await StartAsync(database);
        await using var _ = app;

        var response = await client.GetAsync("/api/v1/world/4711/scene");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        problem.Title.ShouldBe("Park not found");
        problem.Detail!.ShouldContain("4711");
    }

    [Theory]
    [InlineData("/api/v1/world/1/scene")]
    [InlineData("/api/v1/world/zone/scene")]
    public async Task Scenes_need_a_signed_in_user(string url)
    {
        var app = await SharedApps.Blank(Db.Sqlite);

        var response = await app.Anonymous().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
