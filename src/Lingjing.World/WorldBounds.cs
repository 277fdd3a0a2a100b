namespace Lingjing.World;

/// <summary>The box avatars may occupy, in centimetres (inclusive).</summary>
public readonly record struct WorldBounds(int MinX, int MinY, int MinZ, int MaxX, int MaxY, int MaxZ)
{
    public bool Contains(PositionCm p) =>
        p.X >= MinX && p.X <= MaxX && p.Y >= MinY && p.Y <= MaxY && p.Z >= MinZ && p.Z <= MaxZ;

    public PositionCm Clamp(PositionCm p) => new(
        Math.Clamp(p.X, MinX, MaxX),
        Math.Clamp(p.Y, MinY, MaxY),
        Math.Clamp(p.Z, MinZ, MaxZ));

    internal void Validate()
    {
        if (MinX > MaxX || MinY > MaxY || MinZ > MaxZ)
            throw new ArgumentException($"World bounds are inverted: {this}.");
    }
}
