namespace Lingjing.World.Grid;

/// <summary>Uniform square cells over a world's x/z extent; cells are addressed by a flat index.</summary>
public sealed class WorldGrid
{
    public WorldGrid(WorldBounds bounds, int cellSizeCm)
    {
        bounds.Validate();
        Bounds = bounds;
        CellSizeCm = cellSizeCm;
        CellsX = (int)(((long)bounds.MaxX - bounds.MinX) / cellSizeCm) + 1;
        CellsZ = (int)(((long)bounds.MaxZ - bounds.MinZ) / cellSizeCm) + 1;
        if ((long)CellsX * CellsZ > 4_000_000)
            throw new ArgumentException("World grid would exceed 4,000,000 cells; use bigger cells.");
    }

    public WorldBounds Bounds { get; }
    public int CellSizeCm { get; }
    public int CellsX { get; }
    public int CellsZ { get; }
    public int CellCount => CellsX * CellsZ;

    /// <summary>The cell holding a point; points outside the bounds map to the nearest edge cell.</summary>
    public GridCell CellOf(int xCm, int zCm) => new(
        Math.Clamp((int)(((long)xCm - Bounds.MinX) / CellSizeCm), 0, CellsX - 1),
        Math.Clamp((int)(((long)zCm - Bounds.MinZ) / CellSizeCm), 0, CellsZ - 1));

    public int IndexOf(GridCell cell) => cell.Z * CellsX + cell.X;

    public GridCell CellAt(int index) => new(index % CellsX, index / CellsX);

    public bool Contains(GridCell cell) => cell.X >= 0 && cell.X < CellsX && cell.Z >= 0 && cell.Z < CellsZ;
}
