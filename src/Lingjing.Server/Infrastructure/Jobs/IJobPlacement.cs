namespace Lingjing.Server.Infrastructure.Jobs;

/// <summary>Decides which node of the cluster runs a job that must run once per cluster.</summary>
public interface IJobPlacement
{
    Task<JobTurn> TurnAsync(string job, CancellationToken ct);
}

/// <summary>Whether this node runs the job now, and which node does (its name, e.g. <c>10.0.0.5:11111</c>).</summary>
public readonly record struct JobTurn(bool Here, string Node);
