namespace Lingjing.Server.Infrastructure.Jobs;

/// <summary>What a <see cref="RecurringJob"/> did last and does next, for logs, health and operations views.</summary>
public sealed class JobStatus
{
    private long runs;

    public long Runs => Interlocked.Read(ref runs);
    public long Failures { get; private set; }
    public bool Disabled { get; set; }
    public DateTimeOffset? LastRunStartedAt { get; private set; }
    public DateTimeOffset? LastRunEndedAt { get; private set; }
    public DateTimeOffset? NextRunAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>The node that runs the job in a cluster (null until asked, or when the cluster did not answer).</summary>
    public string? RunsOn { get; private set; }

    /// <summary>Whether this node runs it (always, for a job every node runs for itself).</summary>
    public bool RunsHere { get; private set; } = true;

    /// <summary>Turns this node skipped because another node runs the job.</summary>
    public long Skipped { get; private set; }

    internal void Placed(JobTurn? turn)
    {
        RunsOn = turn?.Node;
        RunsHere = turn?.Here ?? false;
        if (!RunsHere) Skipped++;
    }

    internal void Recorded(DateTimeOffset started, DateTimeOffset ended, bool succeeded)
    {
        LastRunStartedAt = started;
        LastRunEndedAt = ended;
        if (!succeeded) Failures++;
        Interlocked.Increment(ref runs);
    }
}
