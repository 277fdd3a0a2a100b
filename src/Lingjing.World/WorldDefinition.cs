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

    /// <summary>A room where everyone hears everyone (a meeting room): once its forwarded group has at least this many
    /// people, their voices are mixed by the forwarder (one stream down per person instead of one per speaker); cameras and
    /// screens still come one feed each. Null: voices are never mixed (in a park, who hears whom depends on distance).</summary>
    public int? MixVoicesFrom { get; init; }

    /// <summary>Users heard by everyone in the world from its start (an event hall's stage, kept in the database while the
    /// world comes and goes); <see cref="VirtualWorld.Amplify"/> changes it afterwards.</summary>
    public IReadOnlyCollection<string> Amplified { get; init; } = [];

    /// <summary>Worlds with the same key share one stage (the instances of an event's hall): each shows the others'
    /// amplified avatars where they stand, and all of them use one media room, so that a voice on the stage is published
    /// once to the forwarder and received from it in every one of them. The key names the bus channel and the room.</summary>
    public string? SharedStage { get; init; }
}
