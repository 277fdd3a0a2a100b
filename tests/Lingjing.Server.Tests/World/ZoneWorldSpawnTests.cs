using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.WorldRealtime;

namespace Lingjing.Server.Tests.World;

/// <summary>The realtime zone world and the zone scene the browser draws agree on where things are.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class ZoneWorldSpawnTests(DemoZoneFixture zone)
{
    [Fact]
    public async Task Zone_world_spawns_arrivals_at_the_zone_scenes_spawn_the_first_parks_entrance()
    {
        var app = await zone.App(Db.Sqlite);
        const string email = "user0037@demo.lingjing.local";
        using var http = await app.SignedInAsync(email);
        var scene = await http.GetFromJsonAsync<JsonElement>("/api/v1/world/zone/scene");
        var sceneSpawn = scene.GetProperty("spawn");

        await using var client = await WorldTestClient.JoinAsync(app.BaseAddress!, await app.TokenAsync(email), "zone");

        var spawn = client.Welcome!.Spawn;
        var metresAway = Math.Sqrt(Math.Pow(spawn.X / 100.0 - sceneSpawn[0].GetDouble(), 2) + Math.Pow(spawn.Z / 100.0 - sceneSpawn[1].GetDouble(), 2));
        metresAway.ShouldBeLessThanOrEqualTo(15.5); // the spawn scatter, plus rounding
    }
}
