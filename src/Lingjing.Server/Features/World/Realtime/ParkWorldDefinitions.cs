using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.World;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// Turns parks into world definitions. A park world uses the park's local frame: world x is the
/// park's x (east) and world z its y (north), in centimetres, bounded by the boundary polygon's box
/// plus a margin; the spawn is the park's entrance (<see cref="ParkEntrance"/>), scattered no farther than
/// the open ground around it reaches, so nobody arrives inside a building. The zone world places every park
/// by its latitude and longitude around the zone's mean position, as <see cref="ZoneLayout"/> places them in
/// the browser's scene, and spawns at the first park's entrance.
/// </summary>
public static class ParkWorldDefinitions
{
    private const int MarginCm = 2_000;
    private const int MinYCm = -1_000;
    private const int MaxYCm = 20_000;

    /// <param name="buildings">The park's buildings (their footprints keep arrivals out).</param>
    public static WorldDefinition ForPark(Park park, IEnumerable<Building> buildings, int spawnScatterCm)
    {
        var (minX, minY, maxX, maxY) = BoxOf(park.Boundary);
        var bounds = new WorldBounds(
            (int)Math.Floor(minX * 100) - MarginCm, MinYCm, (int)Math.Floor(minY * 100) - MarginCm,
            (int)Math.Ceiling(maxX * 100) + MarginCm, MaxYCm, (int)Math.Ceiling(maxY * 100) + MarginCm);
        var entrance = EntranceOf(park, buildings);
        return new WorldDefinition(WorldIds.Park(park.Id), bounds, new PositionCm(Cm(entrance.X), 0, Cm(entrance.Z)), park.AllowsGuests,
            ScatterWithin(entrance, spawnScatterCm));
    }

    /// <summary>The park's entrance from its stored boundary and footprints.</summary>
    public static ParkEntrance EntranceOf(Park park, IEnumerable<Building> buildings) =>
        ParkEntrance.Find(Polygon(park.Boundary), buildings.Select(b => Polygon(b.Footprint)).Where(f => f.Length >= 3).ToList());

    /// <summary>The configured scatter, or less where the open ground around the entrance is narrower
    /// (a metre short of the nearest wall).</summary>
    private static int ScatterWithin(ParkEntrance entrance, int spawnScatterCm) =>
        Math.Max(0, Math.Min(spawnScatterCm, Cm(entrance.Clearance - 1)));

    private static int Cm(double metres) => (int)Math.Round(metres * 100);

    /// <param name="buildingsOf">Each park's buildings, by park id.</param>
    public static WorldDefinition ForZone(IReadOnlyList<Park> parks, ILookup<int, Building> buildingsOf, int spawnScatterCm)
    {
        if (parks.Count == 0)
            return new WorldDefinition(WorldIds.Zone, new WorldBounds(-50_000, MinYCm, -50_000, 50_000, MaxYCm, 50_000),
                new PositionCm(0, 0, 0), AllowGuests: false, spawnScatterCm);
        // The same placement as the scene the browser draws (ZoneLayout), so avatars stand where the parks are.
        var layout = new ZoneLayout(parks.Select(p => (p.Latitude, p.Longitude)).ToList());
        double minX = double.MaxValue, minZ = double.MaxValue, maxX = double.MinValue, maxZ = double.MinValue;
        foreach (var park in parks)
        {
            var centre = layout.Place(park.Latitude, park.Longitude);
            var (centreX, centreZ) = (centre[0], centre[1]);
            var (bMinX, bMinY, bMaxX, bMaxY) = BoxOf(park.Boundary);
            minX = Math.Min(minX, centreX + bMinX);
            maxX = Math.Max(maxX, centreX + bMaxX);
            minZ = Math.Min(minZ, centreZ + bMinY);
            maxZ = Math.Max(maxZ, centreZ + bMaxY);
        }
        var bounds = new WorldBounds(
            (int)Math.Floor(minX * 100) - MarginCm, MinYCm, (int)Math.Floor(minZ * 100) - MarginCm,
            (int)Math.Ceiling(maxX * 100) + MarginCm, MaxYCm, (int)Math.Ceiling(maxZ * 100) + MarginCm);
        // Arrivals appear at the first park's entrance, where the browser's zone scene starts too.
        var first = parks.MinBy(p => p.Id)!;
        var origin = layout.Place(first.Latitude, first.Longitude);
        var entrance = EntranceOf(first, buildingsOf[first.Id]);
        // Only signed-in users with an account enter the zone-wide world: it has no park operator to moderate guests.
        return new WorldDefinition(WorldIds.Zone, bounds, new PositionCm(Cm(origin[0] + entrance.X), 0, Cm(origin[1] + entrance.Z)),
            AllowGuests: false, ScatterWithin(entrance, spawnScatterCm));
    }

    /// <summary>The bounding box of a boundary polygon <c>[[x,y],...]</c> in metres; a 100 m square when unreadable.</summary>
    private static (double MinX, double MinY, double MaxX, double MaxY) BoxOf(string boundaryJson)
    {
        var points = Polygon(boundaryJson);
        return points.Length == 0 ? (-50, -50, 50, 50) : PlaneGeometry.Box(points);
    }

    /// <summary>A stored polygon <c>[[x,y],...]</c>; empty when unreadable.</summary>
    private static double[][] Polygon(string json)
    {
        try
        {
            var points = JsonSerializer.Deserialize<double[][]>(json);
            return points is null || points.Any(p => p is null || p.Length < 2) ? [] : points;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
