namespace Lingjing.Server.Features.World;

/// <summary>
/// Where people arrive in a park: on open ground just inside the south edge of its boundary, where a
/// street leads into the park (the one nearest the middle), facing up it. The realtime world spawns
/// avatars here and the browser's scene starts its camera here, so both agree.
/// </summary>
/// <param name="X">Park-local metres east.</param>
/// <param name="Z">Park-local metres north.</param>
/// <param name="Heading">Radians about the vertical axis, 0 facing north (+z): up the street into the park.</param>
/// <param name="Clearance">Metres from this point to the nearest building footprint (capped at <see cref="ClearanceWanted"/>).</param>
public sealed record ParkEntrance(double X, double Z, double Heading, double Clearance)
{
    /// <summary>Room wanted around the arrival point: an arrival scattered this far still stands in the open.</summary>
    public const double ClearanceWanted = 12;

    /// <summary>Room an arrival needs around them, metres.</summary>
    private const double MinimumRoom = 4;

    /// <summary>A street this long ahead is as good as a longer one: then the one nearest the middle wins.</summary>
    private const double ViewWanted = 60;

    /// <summary>How near a building's side a line of sight up a street may pass.</summary>
    private const double StreetMargin = 3;

    /// <summary>How far inside the boundary's south edge people arrive.</summary>
    private const double Inset = 5;

    /// <summary>Steps along the south edge between candidate points.</summary>
    private const double Step = 1;

    /// <param name="boundary">The park's boundary polygon, [[x, z], ...] park-local.</param>
    /// <param name="footprints">Its buildings' footprints, the same way.</param>
    public static ParkEntrance Find(double[][] boundary, IReadOnlyList<double[][]> footprints)
    {
        var outline = boundary.Length >= 3 ? boundary : [[-50, -50], [50, -50], [50, 50], [-50, 50]];
        var (minX, minZ, maxX, maxZ) = PlaneGeometry.Box(outline);
        var (centreX, centreZ) = PlaneGeometry.Centroid(outline);
        double Clearance(double x, double z) => Math.Min(ClearanceWanted, footprints.Count == 0 ? ClearanceWanted
            : footprints.Min(f => PlaneGeometry.DistanceToPolygon(x, z, f)));

        // The best place looks farthest up a street into the park (a building right in front is no
        // entrance), in the middle of that street; of several such streets, the one nearest the middle of
        // the edge. Every candidate has room to stand.
        var boxes = footprints.Select(PlaneGeometry.Box).ToList();
        double ViewNorth(double x, double z) => Math.Min(ViewWanted, boxes
            .Where(b => x > b.MinX - StreetMargin && x < b.MaxX + StreetMargin && b.MinZ > z)
            .Select(b => b.MinZ - StreetMargin - z).DefaultIfEmpty(maxZ - z).Min());
        var z0 = minZ + Inset;
        var candidates = new List<(double X, double View)>();
        for (var x = minX + Inset; x <= maxX - Inset; x += Step)
            if (PlaneGeometry.Contains(outline, x, z0) && Clearance(x, z0) >= MinimumRoom)
                candidates.Add((x, Math.Round(ViewNorth(x, z0))));
        (double X, double Z, double Room)? best = null;
        if (candidates.Count > 0)
        {
            var farthest = candidates.Max(c => c.View);
            var streets = new List<(double From, double To)>();
            foreach (var (x, view) in candidates.Where(c => c.View == farthest))
            {
                if (streets.Count > 0 && x - streets[^1].To <= Step + 0.01) streets[^1] = (streets[^1].From, x);
                else streets.Add((x, x));
            }
            var middle = streets.Select(r => (r.From + r.To) / 2).MinBy(m => Math.Abs(m - centreX));
            best = (middle, z0, Clearance(middle, z0));
        }
        // Up the street, north; from the open ground of an odd outline (no south edge inside, or crowded), to the centre.
        var (found, heading) = best is { } street
            ? (street, 0.0)
            : NearestOpenGround(outline, centreX, centreZ, Clearance) is var open ? (open, Math.Atan2(centreX - open.X, centreZ - open.Z)) : default;
        return new ParkEntrance(Math.Round(found.X, 1), Math.Round(found.Z, 1), Math.Round(heading, 3), Math.Round(found.Room, 1));
    }

    /// <summary>A spiral of 2 m steps out from the centre; the first point with 4 m of room, else the roomiest seen.</summary>
    private static (double X, double Z, double Room) NearestOpenGround(double[][] outline, double centreX, double centreZ, Func<double, double, double> clearance)
    {
        (double X, double Z, double Room) best = (centreX, centreZ, clearance(centreX, centreZ));
        for (var ring = 1; ring < 150 && best.Room < 4; ring++)
        for (var i = -ring; i <= ring; i++)
        foreach (var (dx, dz) in new[] { (i, -ring), (i, ring), (-ring, i), (ring, i) })
        {
            var (x, z) = (centreX + dx * 2.0, centreZ + dz * 2.0);
            if (!PlaneGeometry.Contains(outline, x, z)) continue;
            var room = clearance(x, z);
            if (room > best.Room) best = (x, z, room);
        }
        return best;
    }
}
