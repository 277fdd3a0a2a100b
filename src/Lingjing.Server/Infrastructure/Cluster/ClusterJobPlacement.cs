using Lingjing.Server.Infrastructure.Jobs;
using Orleans.Runtime;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>A job's turn in the cluster: this node runs it when the job's <see cref="IJobOwnerGrain"/> lives here.</summary>
public sealed class ClusterJobPlacement(IGrainFactory grains, ILocalSiloDetails local) : IJobPlacement
{
    public async Task<JobTurn> TurnAsync(string job, CancellationToken ct)
    {
        var owner = await grains.GetGrain<IJobOwnerGrain>(job).OwnerAsync().WaitAsync(ct);
        return new JobTurn(owner.Equals(local.SiloAddress), ClusterNodes.NameOf(owner));
    }
}
