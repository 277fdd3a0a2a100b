namespace Lingjing.World;

/// <summary>Server-authoritative movement: a step never exceeds the allowed distance and never leaves the bounds.</summary>
public static class MovementRules
{
    public static PositionCm Limit(PositionCm from, PositionCm requested, double maxDistanceCm, WorldBounds bounds)
    {
        var target = bounds.Clamp(requested);
        double dx = target.X - from.X, dy = target.Y - from.Y, dz = target.Z - from.Z;
        var distance = Math.Sqrt(dx * dx + dy * dy + dz * dz);
        if (distance <= maxDistanceCm || distance == 0) return target;
        var scale = Math.Max(0, maxDistanceCm) / distance;
        // Truncate toward `from` so rounding can never push the step past the limit.
        var limited = new PositionCm(
            from.X + (int)Math.Truncate(dx * scale),
            from.Y + (int)Math.Truncate(dy * scale),
            from.Z + (int)Math.Truncate(dz * scale));
        return bounds.Clamp(limited);
    }
}
