using Orleans.Concurrency;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>A node's receiver of live messages published on other nodes.</summary>
public interface ILiveNodeObserver : IGrainObserver
{
    /// <summary>One-way: a node that died or lags never holds up the publisher.</summary>
    [OneWay]
    Task DeliverAsync(string topic, byte[] message);
}

/// <summary>One per topic (a live broadcast's message type): the nodes listening to it, and the fan-out of each message
/// to all of them but the sender. Its list is in memory: nodes renew their subscription every
/// <see cref="ClusterLiveRelay.Renewal"/>, so after the grain moves to another node (its node died) the list fills
/// again within that time, and a node that stopped renewing drops out after <see cref="Expiry"/>.</summary>
public interface ILiveHubGrain : IGrainWithStringKey
{
    Task SubscribeAsync(ILiveNodeObserver node);

    [OneWay]
    Task PublishAsync(byte[] message, ILiveNodeObserver from);
}

public sealed class LiveHubGrain(TimeProvider time) : Grain, ILiveHubGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(75);

    private readonly Dictionary<ILiveNodeObserver, DateTimeOffset> nodes = [];

    public Task SubscribeAsync(ILiveNodeObserver node)
    {
        nodes[node] = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task PublishAsync(byte[] message, ILiveNodeObserver from)
    {
        var now = time.GetUtcNow();
        foreach (var (node, seen) in nodes.ToList())
        {
            if (now - seen > Expiry) nodes.Remove(node);
            else if (!node.Equals(from)) _ = node.DeliverAsync(this.GetPrimaryKeyString(), message);
        }
        return Task.CompletedTask;
    }
}
