using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>The nodes of the cluster as Orleans' membership sees them now, for <c>/health</c> and the operations page.</summary>
public sealed class ClusterNodes(IClusterMembershipService membership, ILocalSiloDetails local, IOptions<ClusterSettings> settings)
{
    public bool Clustered => settings.Value.Enabled;

    public string Here => NameOf(local.SiloAddress);

    /// <summary>Every node that has not been declared dead, this one first, then by name.</summary>
    public IReadOnlyList<ClusterNode> Alive() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status != SiloStatus.Dead)
        .Select(m => new ClusterNode(NameOf(m.SiloAddress), m.Name, StatusName(m.Status), m.SiloAddress.Equals(local.SiloAddress)))
        .OrderByDescending(n => n.Here).ThenBy(n => n.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>How this node's own membership stands: <c>active</c> once it has joined.</summary>
    public string HereStatus => StatusName(membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress));

    /// <summary>A node as people and logs name it: its address and silo port.</summary>
    public static string NameOf(SiloAddress silo) => $"{silo.Endpoint.Address}:{silo.Endpoint.Port}";

    private static string StatusName(SiloStatus status) => status switch
    {
        SiloStatus.Active => "active",
        SiloStatus.Joining or SiloStatus.Created => "joining",
        SiloStatus.ShuttingDown or SiloStatus.Stopping => "leaving",
        SiloStatus.Dead => "dead",
        _ => "unknown",
    };
}

/// <summary>One node: its name (address and silo port), its host's name, its membership status and whether it is the
/// node answering.</summary>
public sealed record ClusterNode(string Name, string Host, string Status, bool Here);
