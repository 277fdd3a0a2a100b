using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.World;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// Turns parks into world definitions. A park world uses the park's local frame: world x is the
/// park's x (east) and world z its y (north), in centimetres, bounded by the boundary polygon's box
/// plus a margin; the spawn is the park centre. The zone world places every park by its latitude and
/// longitude around the zone's mean position, as <see cref="ZoneLayout"/> places them in the browser's scene,
/// and spawns at the first park's centre.
/// </summary>
public static class ParkWorldDefinitions
{
    private const int MarginCm = 2_000;
    private const int MinYCm = -1_000;
    private const int MaxYCm = 20_000;

    public static WorldDefinition ForPark(Park park, int spawnScatterCm)
    {
        var (minX, minY, maxX, maxY) = BoxOf(park.Boundary);
        var bounds = new WorldBounds(
            (int)Math.Floor(minX * 100) - MarginCm, MinYCm, (int)Math.Floor(minY * 100) - MarginCm,
            (int)Math.Ceiling(maxX * 100) + MarginCm, MaxYCm, (int)Math.Ceiling(maxY * 100) + MarginCm);
        return new WorldDefinition(WorldIds.Park(park.Id), bounds, new PositionCm(0, 0, 0), park.AllowsGuests, spawnScatterCm);
    }

    public static WorldDefinition ForZone(IReadOnlyList<Park> parks, int spawnScatterCm)
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
        // Arrivals appear at the first park's centre, where the browser's zone scene starts too.
        var first = parks.MinBy(p => p.Id)!;
        var spawn = layout.Place(first.Latitude, first.Longitude);
        // Only signed-in users with an account enter the zone-wide world: it has no park operator to moderate guests.
        return new WorldDefinition(WorldIds.Zone, bounds, new PositionCm((int)Math.Round(spawn[0] * 100), 0, (int)Math.Round(spawn[1] * 100)),
            AllowGuests: false, spawnScatterCm);
    }

    /// <summary>The bounding box of a boundary polygon <c>[[x,y],...]</c> in metres; a 100 m square when unreadable.</summary>
    private static (double MinX, double MinY, double MaxX, double MaxY) BoxOf(string boundaryJson)
    {
        double[][]? points;
        try
        {
            points = JsonSerializer.Deserialize<double[][]>(boundaryJson);
        }
        catch (JsonException)
        {
            points = null;
        }
        if (points is null || points.Length == 0 || points.Any(p => p.Length < 2))
            return (-50, -50, 50, 50);
        return (points.Min(p => p[0]), points.Min(p => p[1]), points.Max(p => p[0]), points.Max(p => p[1]));
    }
}
