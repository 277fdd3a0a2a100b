using System.Globalization;
using System.Text;

namespace Lingjing.Server.Features.Demo;

/// <summary>The geometry of one demo park in its local frame (metres, x east, y north, origin at the
/// centre): a rectangular site with one chamfered corner, divided into a grid of plots separated by
/// streets; each plot but the chamfered one holds one building (a rectangle or an L), so footprints
/// never overlap and always lie inside the boundary.</summary>
internal sealed class ParkLayout
{
    public sealed record Plot(IReadOnlyList<(double X, double Y)> Footprint, double AnchorX, double AnchorY);

    public required IReadOnlyList<(double X, double Y)> Boundary { get; init; }
    public required IReadOnlyList<Plot> Buildings { get; init; }
    /// <summary>Street crossings inside the park: where outdoor venues go.</summary>
    public required IReadOnlyList<(double X, double Y)> Crossings { get; init; }
    public required double Area { get; init; }

    public static ParkLayout Create(Random random)
    {
        var width = Math.Round(300 + random.NextDouble() * 400);
        var height = Math.Round(250 + random.NextDouble() * 350);
        var columns = random.Next(3, 5);
        var rows = random.Next(3, 5);
        var cellWidth = width / columns;
        var cellHeight = height / rows;
        // The chamfer stays inside the top-right plot, which is left empty.
        var chamfer = Math.Round(Math.Min(cellWidth, cellHeight) * (0.3 + random.NextDouble() * 0.5));
        double left = -width / 2, bottom = -height / 2, right = width / 2, top = height / 2;
        var boundary = new List<(double, double)> { (left, bottom), (right, bottom), (right, top - chamfer), (right - chamfer, top), (left, top) };

        var buildings = new List<Plot>();
        for (var row = 0; row < rows; row++)
        for (var column = 0; column < columns; column++)
        {
            if (row == rows - 1 && column == columns - 1) continue;
            var street = 8 + random.NextDouble() * 10;
            var x0 = left + column * cellWidth + street;
            var y0 = bottom + row * cellHeight + street;
            var plotWidth = cellWidth - 2 * street;
            var plotHeight = cellHeight - 2 * street;
            var w = plotWidth * (0.55 + random.NextDouble() * 0.45);
            var h = plotHeight * (0.55 + random.NextDouble() * 0.45);
            var x = x0 + random.NextDouble() * (plotWidth - w);
            var y = y0 + random.NextDouble() * (plotHeight - h);
            if (random.NextDouble() < 0.3)
            {
                // An L: the rectangle minus its top-right quarter-ish corner.
                var cutW = w * (0.35 + random.NextDouble() * 0.25);
                var cutH = h * (0.35 + random.NextDouble() * 0.25);
                buildings.Add(new Plot(Round([(x, y), (x + w, y), (x + w, y + h - cutH), (x + w - cutW, y + h - cutH), (x + w - cutW, y + h), (x, y + h)]),
                    Math.Round(x + (w - cutW) / 2, 1), Math.Round(y + (h - cutH) / 2, 1)));
            }
            else
                buildings.Add(new Plot(Round([(x, y), (x + w, y), (x + w, y + h), (x, y + h)]), Math.Round(x + w / 2, 1), Math.Round(y + h / 2, 1)));
        }

        var crossings = new List<(double, double)>();
        for (var row = 1; row < rows; row++)
        for (var column = 1; column < columns; column++)
            crossings.Add((left + column * cellWidth, bottom + row * cellHeight));

        return new ParkLayout
        {
            Boundary = Round(boundary),
            Buildings = buildings,
            Crossings = crossings,
            Area = Math.Round(width * height - chamfer * chamfer / 2),
        };
    }

    /// <summary>A polygon as the JSON the entities store: <c>[[x,y],...]</c>.</summary>
    public static string ToJson(IReadOnlyList<(double X, double Y)> polygon)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < polygon.Count; i++)
            json.Append(i == 0 ? "[" : ",[")
                .Append(polygon[i].X.ToString("0.0", CultureInfo.InvariantCulture)).Append(',')
                .Append(polygon[i].Y.ToString("0.0", CultureInfo.InvariantCulture)).Append(']');
        return json.Append(']').ToString();
    }

    // Streets are at least 8 m wide, so keeping 0.1 m cannot make two footprints touch.
    private static List<(double X, double Y)> Round(List<(double X, double Y)> points) =>
        points.Select(p => (Math.Round(p.X, 1), Math.Round(p.Y, 1))).ToList();
}
