namespace Lingjing.Server.Features.World.Cluster;

/// <summary>How this node names itself to the other nodes of its worlds (<see cref="Lingjing.World.WorldOptions.NodeId"/>)
/// and the top byte of the avatar ids it hands out (<see cref="Lingjing.World.WorldOptions.NodeIndex"/>). Alone: node-0
/// and 0. In a cluster: the silo's address with its generation, which Orleans' membership names too, and a serial from
/// PostgreSQL that no other live node holds.</summary>
public sealed record WorldNodeIdentity(string NodeId, byte NodeIndex)
{
    public static readonly WorldNodeIdentity Alone = new("node-0", 0);
}
