namespace Lingjing.Server.Features.World;

/// <summary>Polygons on the ground, as the scene stores them: [[x, z], ...] in metres.</summary>
public static class PlaneGeometry
{
    public static (double MinX, double MinZ, double MaxX, double MaxZ) Box(double[][] polygon) =>
        (polygon.Min(p => p[0]), polygon.Min(p => p[1]), polygon.Max(p => p[0]), polygon.Max(p => p[1]));

    /// <summary>The mean of the vertices (what the browser labels a polygon at).</summary>
    public static (double X, double Z) Centroid(double[][] polygon) =>
        polygon.Length == 0 ? (0, 0) : (polygon.Average(p => p[0]), polygon.Average(p => p[1]));

    /// <summary>Whether the point lies inside the polygon (even-odd rule; either winding).</summary>
    public static bool Contains(double[][] polygon, double x, double z)
    {
        var inside = false;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
        {
            var (xi, zi, xj, zj) = (polygon[i][0], polygon[i][1], polygon[j][0], polygon[j][1]);
            if ((zi > z) != (zj > z) && x < (xj - xi) * (z - zi) / (zj - zi) + xi)
                inside = !inside;
        }
        return inside;
    }

    /// <summary>Metres from the point to the polygon's area: 0 inside, else the distance to its nearest edge.</summary>
    public static double DistanceToPolygon(double x, double z, double[][] polygon)
    {
        if (polygon.Length == 0) return double.PositiveInfinity;
        if (polygon.Length >= 3 && Contains(polygon, x, z)) return 0;
        var nearest = double.PositiveInfinity;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
            nearest = Math.Min(nearest, DistanceToSegment(x, z, polygon[j], polygon[i]));
        return nearest;
    }

    private static double DistanceToSegment(double x, double z, double[] a, double[] b)
    {
        var (dx, dz) = (b[0] - a[0], b[1] - a[1]);
        var lengthSquared = dx * dx + dz * dz;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((x - a[0]) * dx + (z - a[1]) * dz) / lengthSquared, 0, 1);
        return Math.Sqrt(Math.Pow(x - (a[0] + t * dx), 2) + Math.Pow(z - (a[1] + t * dz), 2));
    }
}
