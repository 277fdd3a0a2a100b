namespace Lingjing.World.Media;

/// <summary>The feed numbers of a client's connections to the forwarder that are not someone else's feed.</summary>
public static class ForwarderFeeds
{
    /// <summary>The client's own sending connection (its camera, screen and, unless mixed, its voice).</summary>
    public const uint Sending = 0;

    /// <summary>The client's connection to its room's voice mix: its voice up, everyone else's mixed down.</summary>
    public const uint Mix = uint.MaxValue;
}
