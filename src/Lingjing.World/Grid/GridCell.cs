namespace Lingjing.World.Grid;

/// <summary>Column (x) and row (z) of a cell in a world's uniform grid, counted from the bounds' minimum corner.</summary>
public readonly record struct GridCell(int X, int Z);
