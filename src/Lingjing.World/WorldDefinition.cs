namespace Lingjing.World;

/// <summary>What the server knows about one world before anyone joins it (a park, or the whole zone).</summary>
public sealed record WorldDefinition(string Id, WorldBounds Bounds, PositionCm Spawn, bool AllowGuests = true);
