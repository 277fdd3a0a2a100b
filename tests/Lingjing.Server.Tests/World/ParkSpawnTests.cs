using System.Text.Json;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Tests.Demo;

namespace Lingjing.Server.Tests.World;

/// <summary>People arrive on open ground at a park's entrance, never inside a building.</summary>
public sealed class ParkSpawnTests
{
    private static double[][] Polygon(string json) => JsonSerializer.Deserialize<double[][]>(json)!;

    [Fact]
    public void No_spawn_point_of_any_demo_park_lies_inside_a_building_footprint()
    {
        var zone = GeneratedDemoZone.Default;
        var buildingsOf = zone.Buildings.ToLookup(b => b.ParkId);
        var random = new Random(13);
        foreach (var park in zone.Parks)
        {
            var world = ParkWorldDefinitions.ForPark(park, buildingsOf[park.Id], spawnScatterCm: 1_500);
            var footprints = buildingsOf[park.Id].Select(b => Polygon(b.Footprint)).ToList();
            var (x, z) = (world.Spawn.X / 100.0, world.Spawn.Z / 100.0);
            // Every point the engine may scatter an arrival to: the centre, the rim and random points of the disc.
            var radius = world.SpawnScatterCm / 100.0;
            var points = new List<(double X, double Z)> { (x, z) };
            for (var i = 0; i < 64; i++)
            {
                var angle = i * Math.PI / 32;
                points.Add((x + radius * Math.Cos(angle), z + radius * Math.Sin(angle)));
                var r = radius * Math.Sqrt(random.NextDouble());
                var a = random.NextDouble() * 2 * Math.PI;
                points.Add((x + r * Math.Cos(a), z + r * Math.Sin(a)));
            }
            foreach (var (px, pz) in points)
                footprints.ShouldAllBe(f => !PlaneGeometry.Contains(f, px, pz), $"park {park.Id}: ({px:0.0}, {pz:0.0}) is inside a building");
            footprints.Min(f => PlaneGeometry.DistanceToPolygon(x, z, f)).ShouldBeGreaterThanOrEqualTo(4, $"park {park.Id} spawns too close to a wall");
        }
    }

    [Fact]
    public void Demo_parks_spawn_at_their_south_entrance_facing_into_the_park()
    {
        var zone = GeneratedDemoZone.Default;
        var buildingsOf = zone.Buildings.ToLookup(b => b.ParkId);
        foreach (var park in zone.Parks)
        {
            var boundary = Polygon(park.Boundary);
            var entrance = ParkWorldDefinitions.EntranceOf(park, buildingsOf[park.Id]);
            var (_, minZ, _, maxZ) = PlaneGeometry.Box(boundary);
            PlaneGeometry.Contains(boundary, entrance.X, entrance.Z).ShouldBeTrue($"park {park.Id}");
            (entrance.Z - minZ).ShouldBeLessThan((maxZ - minZ) / 4, $"park {park.Id}: the entrance is at the south edge");
            // Facing north-ish, into the park.
            Math.Cos(entrance.Heading).ShouldBeGreaterThan(0.5, $"park {park.Id}");
        }
    }

    [Fact]
    public void A_park_crowded_to_its_edge_still_spawns_on_open_ground()
    {
        double[][] boundary = [[-50, -50], [50, -50], [50, 50], [-50, 50]];
        // A building covering the whole south strip: the entrance moves to the open ground in the north.
        double[][] wall = [[-50, -50], [50, -50], [50, 0], [-50, 0]];

        var entrance = ParkEntrance.Find(boundary, [wall]);

        PlaneGeometry.Contains(wall, entrance.X, entrance.Z).ShouldBeFalse();
        entrance.Clearance.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public void The_scene_and_the_realtime_world_spawn_at_the_same_entrance()
    {
        var zone = GeneratedDemoZone.Default;
        var park = zone.Parks[0];
        var buildings = zone.Buildings.Where(b => b.ParkId == park.Id).ToList();
        var fromStorage = ParkWorldDefinitions.EntranceOf(park, buildings);
        // The scene rounds polygons to decimetres, which the demo data already is.
        var fromScene = ParkEntrance.Find(Polygon(park.Boundary), buildings.Select(b => Polygon(b.Footprint)).ToList());
        fromScene.ShouldBe(fromStorage);
    }
}
