using System.Text.Json;

namespace Lingjing.Server.Tests.Demo;

/// <summary>A polygon stored as JSON <c>[[x,y],...]</c>, with the few tests the demo checks need.</summary>
public sealed record Polygon(IReadOnlyList<(double X, double Y)> Points)
{
    public static Polygon Parse(string json) =>
        new(JsonSerializer.Deserialize<double[][]>(json)!.Select(p => (p[0], p[1])).ToList());

    public double MinX => Points.Min(p => p.X);
    public double MaxX => Points.Max(p => p.X);
    public double MinY => Points.Min(p => p.Y);
    public double MaxY => Points.Max(p => p.Y);

    /// <summary>Shoelace area; positive for counter-clockwise, zero for a degenerate polygon.</summary>
    public double SignedArea => Points.Select((p, i) => p.X * Points[(i + 1) % Points.Count].Y - Points[(i + 1) % Points.Count].X * p.Y).Sum() / 2;

    /// <summary>Inside or on the edge (ray casting, edges counted as inside).</summary>
    public bool Contains(double x, double y)
    {
        var inside = false;
        for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
        {
            var (xi, yi) = Points[i];
            var (xj, yj) = Points[j];
            if (OnSegment(x, y, xi, yi, xj, yj)) return true;
            if (yi > y != yj > y && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    public bool BoundsOverlap(Polygon other) =>
        MinX < other.MaxX && other.MinX < MaxX && MinY < other.MaxY && other.MinY < MaxY;

    private static bool OnSegment(double x, double y, double x1, double y1, double x2, double y2) =>
        Math.Abs((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)) < 1e-6
        && x >= Math.Min(x1, x2) - 1e-6 && x <= Math.Max(x1, x2) + 1e-6 && y >= Math.Min(y1, y2) - 1e-6 && y <= Math.Max(y1, y2) + 1e-6;
}
