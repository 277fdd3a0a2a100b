using Orleans.Runtime;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>One per job name. Orleans keeps exactly one activation of it in the cluster, on a node it chooses, and
/// that node runs the job: ownership is the grain's place, so it moves only when Orleans moves the grain (its node
/// left or was declared dead). Always active, so an idle spell between runs cannot move it to another node.</summary>
public interface IJobOwnerGrain : IGrainWithStringKey
{
    /// <summary>The node the grain lives on, which is the node that runs the job.</summary>
    Task<SiloAddress> OwnerAsync();
}

[CollectionAgeLimit(AlwaysActive = true)]
public sealed class JobOwnerGrain(ILocalSiloDetails silo) : Grain, IJobOwnerGrain
{
    public Task<SiloAddress> OwnerAsync() => Task.FromResult(silo.SiloAddress);
}
