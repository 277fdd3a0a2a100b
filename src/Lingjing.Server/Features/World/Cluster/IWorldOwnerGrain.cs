using Orleans.Concurrency;

namespace Lingjing.Server.Features.World.Cluster;

/// <summary>A node's receiver of what the other nodes of its worlds publish.</summary>
public interface IWorldNodeObserver : IGrainObserver
{
    /// <summary>One encoded <c>WorldTraffic</c> of another node (one-way: a slow node never holds up the owner).</summary>
    [OneWay]
    Task DeliverAsync(byte[] traffic);
}

/// <summary>
/// The owner of one world (a park's, the zone's, a meeting room's; key: the world id, <c>*</c> for zone-wide bans):
/// placed by Orleans on one node of the cluster at a time. Every node with the world open sends it what its avatars did
/// once per tick; the owner passes each node the cells it watches and every event, and keeps what must outlive a node:
/// moderation in force and the chat history (grain state in PostgreSQL).
/// </summary>
public interface IWorldOwnerGrain : IGrainWithStringKey
{
    /// <summary>Joins a node to the world. Returns, as one encoded <c>WorldTraffic</c>, what it must know first:
    /// moderation in force, the chat history and the avatars other nodes hold.</summary>
    Task<byte[]> AttachAsync(string node, IWorldNodeObserver observer);

    /// <summary>One encoded <c>WorldTraffic</c> of the node. False when the owner does not know the node (it has just
    /// taken the world over from a node that died): the node attaches again.</summary>
    Task<bool> ExchangeAsync(string node, byte[] traffic);

    Task DetachAsync(string node);

    Task<WorldOwnerView> DescribeAsync();
}

/// <summary>Where a world is owned and how many avatars each node holds in it.</summary>
[GenerateSerializer, Immutable]
public sealed record WorldOwnerView(
    [property: Id(0)] string WorldId,
    [property: Id(1)] string Owner,
    [property: Id(2)] IReadOnlyDictionary<string, int> AvatarsByNode);
