namespace Lingjing.Server.Infrastructure.Jobs;

/// <summary>One job as the operations page, its API and <c>/health</c> show it, as this node sees it: in a cluster,
/// <c>runsOn</c> names the node that runs it and <c>runs</c> counts this node's runs.</summary>
public sealed record JobStatusView(
    string Name, double IntervalSeconds, bool Disabled, long Runs, long Failures,
    DateTimeOffset? LastRunStartedAt, DateTimeOffset? LastRunEndedAt, DateTimeOffset? NextRunAt,
    string? LastError, DateTimeOffset? LastErrorAt, string? RunsOn, bool RunsHere, long Skipped)
{
    public static JobStatusView Of(RecurringJob job)
    {
        var s = job.Status;
        return new JobStatusView(job.Name, job.Every.TotalSeconds, s.Disabled, s.Runs, s.Failures,
            s.LastRunStartedAt, s.LastRunEndedAt, s.NextRunAt, s.LastError, s.LastErrorAt,
            s.RunsOn, s.RunsHere, s.Skipped);
    }
}
