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
            return worlds.Select(w => Placement(w.Id, cluster.Here, new Dictionary<string, int> { [cluster.Here] = w.Population })).ToList();
        var asked = worlds.Select(async w =>
        {
            try
            {
                var view = await grains.GetGrain<IWorldOwnerGrain>(w.Id).DescribeAsync().WaitAsync(AskFor);
                return Placement(w.Id, view.Owner, view.AvatarsByNode);
            }
            catch (Exception error) when (error is TimeoutException or OrleansException)
            {
                logger.LogWarning(error, "The owner of world {World} did not answer", w.Id);
                return Placement(w.Id, null, new Dictionary<string, int>());
            }
        });
        return await Task.WhenAll(asked);
    }

    private static WorldPlacement Placement(string worldId, string? owner, IReadOnlyDictionary<string, int> people) =>
        new(worldId, WorldIds.TryParsePark(worldId, out var park) ? park : null, WorldIds.TryParseMeeting(worldId, out _), owner, people);
}

/// <summary>One world (a park's when <paramref name="ParkId"/> is set, a meeting room's, or the zone's): the node that owns
/// it (null while nobody answers for it, as during a failover) and the people each node holds in it.</summary>
public sealed record WorldPlacement(string WorldId, int? ParkId, bool MeetingRoom, string? Owner, IReadOnlyDictionary<string, int> PeopleByNode);
