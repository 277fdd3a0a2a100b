namespace Lingjing.World;

/// <summary>What the server knows about one world before anyone joins it (a park, or the whole zone).
/// Avatars join at a random point within <paramref name="SpawnScatterCm"/> of <paramref name="Spawn"/>
/// (on the x/z plane), so a crowd arriving together does not stack on one spot.</summary>
public sealed record WorldDefinition(string Id, WorldBounds Bounds, PositionCm Spawn, bool AllowGuests = true, int SpawnScatterCm = 0)
{
    /// <summary>How far voices carry in this world, in place of the node's <see cref="WorldOptions.HearingRadiusCm"/>:
    /// a meeting room sets it to span the whole room, so everyone hears everyone whatever the distance.</summary>
    public int? HearingRadiusCm { get; init; }

    /// <summary>A world for a while (a meeting's room): once nobody has been in it this long, and nobody is banned or
    /// muted there any more, the node removes it and its memory; the next visit makes it again. Null: it stays.</summary>
    public TimeSpan? CloseWhenEmptyFor { get; init; }
}
