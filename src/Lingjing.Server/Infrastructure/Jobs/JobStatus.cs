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

    internal void Recorded(DateTimeOffset started, DateTimeOffset ended, bool succeeded)
    {
        LastRunStartedAt = started;
        LastRunEndedAt = ended;
        if (!succeeded) Failures++;
        Interlocked.Increment(ref runs);
    }
}
