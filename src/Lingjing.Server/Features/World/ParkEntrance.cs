namespace Lingjing.Server.Features.World;

/// <summary>
/// Where people arrive in a park: on open ground just inside the south edge of its boundary (the side
/// the camera starts on), on the street nearest the middle, facing into the park. The realtime world
/// spawns avatars here and the browser's scene starts its camera here, so both agree.
/// </summary>
/// <param name="X">Park-local metres east.</param>
/// <param name="Z">Park-local metres north.</param>
/// <param name="Heading">Radians about the vertical axis, 0 facing north (+z): towards the park's centre.</param>
/// <param name="Clearance">Metres from this point to the nearest building footprint (capped at <see cref="ClearanceWanted"/>).</param>
public sealed record ParkEntrance(double X, double Z, double Heading, double Clearance)
{
    /// <summary>Room wanted around the arrival point: an arrival scattered this far still stands in the open.</summary>
    public const double ClearanceWanted = 12;

    /// <summary>Room that makes a street a good entrance: a wider one farther from the middle is not better.</summary>
    private const double RoomEnough = 8;

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

        // The best candidate has room enough (or the most room); among those, the one nearest the middle of the edge.
        double Enough(double room) => Math.Min(room, RoomEnough);
        (double X, double Z, double Room)? best = null;
        for (var x = minX + Inset; x <= maxX - Inset; x += Step)
        {
            var z = minZ + Inset;
            if (!PlaneGeometry.Contains(outline, x, z)) continue;
            var room = Clearance(x, z);
            if (best is not { } b || Enough(room) > Enough(b.Room) + 0.01
                || (Math.Abs(Enough(room) - Enough(b.Room)) <= 0.01 && Math.Abs(x - centreX) < Math.Abs(b.X - centreX)))
                best = (x, z, room);
        }
        // An odd outline (no south edge inside, or crowded): the open ground nearest the centre.
        if (best is not { } found || found.Room < 2)
            found = NearestOpenGround(outline, centreX, centreZ, Clearance);

        var heading = Math.Atan2(centreX - found.X, centreZ - found.Z);
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
