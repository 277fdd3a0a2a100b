namespace Lingjing.World;

/// <summary>A point in the world in centimetres; y is up.</summary>
public readonly record struct PositionCm(int X, int Y, int Z);
