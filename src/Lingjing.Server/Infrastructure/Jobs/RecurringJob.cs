namespace Lingjing.Server.Infrastructure.Jobs;

/// <summary>The one shape of a periodic background job: a run every <see cref="Interval"/> on the injected
/// <see cref="TimeProvider"/> (tests move a fake clock instead of waiting). A run that throws is logged, its
/// error kept in <see cref="Status"/>, and the next run comes after a back-off (doubling up to
/// <see cref="MaxBackOff"/>); the job goes on. Stopping the host stops it cleanly. In a cluster every node keeps the
/// job's clock, but a job that runs <see cref="OncePerCluster"/> (the default) runs only on the node its
/// <see cref="IJobPlacement"/> names at each turn; the others skip the turn.</summary>
public abstract class RecurringJob(TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly object waitersGate = new();
    private readonly List<(long Runs, TaskCompletionSource Done)> waiters = [];

    /// <summary>A short name for logs and the operations view, e.g. <c>policy-rematch</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Time between the end of one run and the start of the next; zero or less turns the job off.</summary>
    protected abstract TimeSpan Interval { get; }

    protected virtual TimeSpan MaxBackOff => TimeSpan.FromMinutes(15);

    /// <summary>Run once as soon as the host has started, before the first interval.</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>Whether one node of the cluster runs the job (work on the shared database), or every node runs it for
    /// itself (work on the node's own memory).</summary>
    protected virtual bool OncePerCluster => true;

    /// <summary>Who runs the job in a cluster; none (a node alone, or a job made by hand in a test) runs it here.</summary>
    internal IJobPlacement? Placement { get; set; }

    /// <summary>How the interval is described to people (the operations page), e.g. "every 10 s".</summary>
    public TimeSpan Every => Interval;

    public JobStatus Status { get; } = new();

    /// <summary>The clock the job runs on; its work should read "now" from it too.</summary>
    protected TimeProvider Time => time;

    /// <summary>One run of the job's work.</summary>
    protected abstract Task RunAsync(CancellationToken ct);

    /// <summary>Completes once <paramref name="runs"/> more runs have ended (succeeded or failed) after the
    /// call: asking for two guarantees a whole run that started after the call.</summary>
    public Task WaitForRunsAsync(int runs = 1)
    {
        lock (waitersGate)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((Status.Runs + runs, done));
            return done.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        if (interval <= TimeSpan.Zero)
        {
            Status.Disabled = true;
            return;
        }
        var failures = 0;
        try
        {
            await Task.Yield(); // let the host finish starting
            if (RunsAtStart) failures = await TakeTurnAsync(0, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = failures == 0 ? interval : BackOff(interval, failures);
                Status.NextRunAt = time.GetUtcNow() + wait;
                await Task.Delay(wait, time, stoppingToken);
                failures = await TakeTurnAsync(failures, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the job if this node's turn, and returns the failures in a row after it.</summary>
    private async Task<int> TakeTurnAsync(int failures, CancellationToken ct)
    {
        if (!await IsOurTurnAsync(ct)) return failures;
        return await RunRecordedAsync(ct) ? 0 : failures + 1;
    }

    private async Task<bool> IsOurTurnAsync(CancellationToken ct)
    {
        if (!OncePerCluster || Placement is null) return true;
        try
        {
            var turn = await Placement.TurnAsync(Name, ct);
            Status.Placed(turn);
            return turn.Here;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // The cluster cannot say who runs it now (a node is being declared dead): skip this turn rather than
            // risk a second run somewhere else.
            Status.Placed(null);
            logger.LogWarning(error, "Job {Job}: no answer on which node runs it; this turn is skipped", Name);
            return false;
        }
    }

    private async Task<bool> RunRecordedAsync(CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var succeeded = true;
        try
        {
            await RunAsync(ct);
            Status.LastError = null;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            succeeded = false;
            Status.LastError = error.Message;
            Status.LastErrorAt = time.GetUtcNow();
            logger.LogError(error, "Job {Job} failed; it runs again after a back-off", Name);
        }
        Status.Recorded(started, time.GetUtcNow(), succeeded);
        JobMetrics.Record(Name, succeeded, time.GetUtcNow() - started);
        ReleaseWaiters();
        return succeeded;
    }

    private TimeSpan BackOff(TimeSpan interval, int failures)
    {
        var backOff = TimeSpan.FromSeconds(Math.Min(MaxBackOff.TotalSeconds, Math.Pow(2, Math.Min(failures, 20))));
        return backOff < interval ? backOff : interval;
    }

    private void ReleaseWaiters()
    {
        lock (waitersGate)
        {
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Runs > Status.Runs) continue;
                waiters[i].Done.TrySetResult();
                waiters.RemoveAt(i);
            }
        }
    }
}
