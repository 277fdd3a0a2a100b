using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>The cluster in <c>/health</c> and <c>/health/ready</c>: this node, its membership status and every node
/// alive; unhealthy until this node has joined and once it leaves, so a load balancer sends it nobody then.</summary>
public sealed class ClusterHealthCheck(ClusterNodes nodes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var alive = nodes.Alive();
        var data = new Dictionary<string, object>
        {
            ["mode"] = nodes.Clustered ? "cluster" : "single",
            ["node"] = nodes.Here,
            ["status"] = nodes.HereStatus,
            ["nodes"] = alive.Select(n => new { n.Name, n.Status }).ToList(),
        };
        var description = $"{alive.Count(n => n.Status == "active")} of {alive.Count} nodes active";
        return Task.FromResult(nodes.HereStatus == "active"
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Unhealthy($"This node is {nodes.HereStatus}; {description}", data: data));
    }
}
