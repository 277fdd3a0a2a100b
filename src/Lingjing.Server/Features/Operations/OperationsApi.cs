using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.Server.Infrastructure.Jobs;

namespace Lingjing.Server.Features.Operations;

public static class OperationsApi
{
    public static WebApplication MapOperationsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/operations").WithTags("Operations").RequireAuthorization(Policies.Government);
        group.MapGet("/jobs", (IEnumerable<RecurringJob> jobs) =>
                TypedResults.Ok(jobs.OrderBy(j => j.Name).Select(JobStatusView.Of).ToList()))
            .WithSummary("The background jobs as the answering node sees them: interval, the node that runs each, last run, next run, runs, failures and the last error");
        group.MapGet("/nodes", (ClusterNodes cluster) => TypedResults.Ok(new ClusterView(cluster.Clustered, cluster.Here, cluster.Alive())))
            .WithSummary("The nodes of the cluster that are not declared dead, with their membership state; one node when Lingjing runs alone");
        group.MapGet("/worlds", async (WorldPlacements worlds) => TypedResults.Ok(await worlds.DescribeAsync()))
            .WithSummary("Every world open on the answering node: the node that owns it (placed by Orleans) and the people each node holds in it");
        return app;
    }
}

/// <summary>The cluster as the answering node sees it: whether Lingjing runs as a cluster, which node answered, and the
/// nodes alive.</summary>
public sealed record ClusterView(bool Clustered, string Node, IReadOnlyList<ClusterNode> Nodes);
