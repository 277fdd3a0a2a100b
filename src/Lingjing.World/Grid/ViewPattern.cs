namespace Lingjing.World.Grid;

/// <summary>
/// The cell offsets a viewer sees from its own cell: every cell whose square comes within the radius
/// of some point of the viewer's cell. Visibility is cell-granular and symmetric, so it never misses an
/// avatar within the radius and is computed once per radius, not per client. Offsets are sorted
/// nearest first, which is the order crowd handling needs.
/// </summary>
public sealed class ViewPattern
{
    private readonly bool[] _mask;
    private readonly int _reach;

    public ViewPattern(int radiusCm, int cellSizeCm)
    {
        _reach = radiusCm / cellSizeCm + 1;
        var side = 2 * _reach + 1;
        _mask = new bool[side * side];
        var offsets = new List<(GridCell Offset, long GapSquared)>();
        for (var dz = -_reach; dz <= _reach; dz++)
        for (var dx = -_reach; dx <= _reach; dx++)
        {
            var gap = GapSquared(dx, dz, cellSizeCm);
            if (gap > (long)radiusCm * radiusCm) continue;
            offsets.Add((new GridCell(dx, dz), gap));
            _mask[(dz + _reach) * side + dx + _reach] = true;
        }
        OffsetArray = offsets.OrderBy(o => o.GapSquared).ThenBy(o => Math.Abs(o.Offset.X) + Math.Abs(o.Offset.Z))
            .Select(o => o.Offset).ToArray();
    }

    /// <summary>Offsets from the viewer's cell, nearest first; the first is always (0, 0).</summary>
    public IReadOnlyList<GridCell> Offsets => OffsetArray;

    // The hot loops iterate the array directly: no enumerator allocation, no interface calls.
    internal GridCell[] OffsetArray { get; }

    public bool Sees(GridCell from, GridCell to)
    {
        int dx = to.X - from.X, dz = to.Z - from.Z;
        if (Math.Abs(dx) > _reach || Math.Abs(dz) > _reach) return false;
        return _mask[(dz + _reach) * (2 * _reach + 1) + dx + _reach];
    }

    /// <summary>Squared shortest distance between the squares of two cells that are dx, dz apart.</summary>
    public static long GapSquared(int dx, int dz, int cellSizeCm)
    {
        long gx = Math.Max(0, Math.Abs(dx) - 1) * (long)cellSizeCm;
        long gz = Math.Max(0, Math.Abs(dz) - 1) * (long)cellSizeCm;
        return gx * gx + gz * gz;
    }
}
