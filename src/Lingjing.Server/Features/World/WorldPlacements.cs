using Lingjing.Server.Features.World.Cluster;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Infrastructure.Cluster;

namespace Lingjing.Server.Features.World;

/// <summary>Which node owns each world open on this node and how many people each node holds there, for the operations
/// page. Alone, this node owns every world; in a cluster each world's owner grain says where it lives.</summary>
public sealed class WorldPlacements(WorldHost host, ClusterNodes cluster, IGrainFactory grains, ILogger<WorldPlacements> logger)
{
    private static readonly TimeSpan AskFor = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<WorldPlacement>> DescribeAsync()
    {
        var worlds = host.Node.Worlds.OrderBy(w => w.Id, StringComparer.Ordinal).ToList();
        if (!cluster.Clustered)
            return worlds.Select(w => new WorldPlacement(w.Id, cluster.Here, new Dictionary<string, int> { [cluster.Here] = w.Population })).ToList();
        var asked = worlds.Select(async w =>
        {
            try
            {
                var view = await grains.GetGrain<IWorldOwnerGrain>(w.Id).DescribeAsync().WaitAsync(AskFor);
                return new WorldPlacement(w.Id, view.Owner, view.AvatarsByNode);
            }
            catch (Exception error) when (error is TimeoutException or OrleansException)
            {
                logger.LogWarning(error, "The owner of world {World} did not answer", w.Id);
                return new WorldPlacement(w.Id, null, new Dictionary<string, int>());
            }
        });
        return await Task.WhenAll(asked);
    }
}

/// <summary>One world: the node that owns it (null while nobody answers for it, as during a failover) and the people
/// each node holds in it.</summary>
public sealed record WorldPlacement(string WorldId, string? Owner, IReadOnlyDictionary<string, int> PeopleByNode);
