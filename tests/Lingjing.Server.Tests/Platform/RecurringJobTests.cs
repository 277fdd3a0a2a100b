using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Platform;

/// <summary>The one background-job mechanism, on a fake clock: runs on its interval, survives a failing
/// run (keeps the error, backs off, goes on), can be turned off, and stops cleanly.</summary>
public sealed class RecurringJobTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_job_runs_once_per_interval_and_records_its_runs()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero));
        using var job = new CountingJob(clock, Minute);
        await job.StartAsync(CancellationToken.None);

        var two = job.WaitForRunsAsync(2);
        await JobDriver.AdvanceUntilAsync(clock, two, Minute);

        job.Count.ShouldBeGreaterThanOrEqualTo(2);
        job.Status.Runs.ShouldBe(job.Count);
        job.Status.LastError.ShouldBeNull();
        job.Status.NextRunAt.ShouldNotBeNull();
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_run_is_recorded_and_the_job_goes_on_after_a_back_off()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero));
        using var job = new CountingJob(clock, Minute) { FailingRuns = 1 };
        await job.StartAsync(CancellationToken.None);

        var first = job.WaitForRunsAsync(1);
        await JobDriver.AdvanceUntilAsync(clock, first, Minute);
        job.Status.LastError.ShouldBe("run 1 failed");
        job.Status.Failures.ShouldBe(1);
        // The back-off after one failure is 2 s, shorter than the minute: the retry comes first.
        job.Status.NextRunAt.ShouldBe(clock.GetUtcNow() + TimeSpan.FromSeconds(2));

        var second = job.WaitForRunsAsync(1);
        await JobDriver.AdvanceUntilAsync(clock, second, TimeSpan.FromSeconds(2));
        job.Status.LastError.ShouldBeNull("a successful run clears the error");
        job.Status.Runs.ShouldBe(2);
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_job_with_no_interval_is_off_and_never_runs()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, TimeSpan.Zero);
        await job.StartAsync(CancellationToken.None);
        await (job.ExecuteTask ?? Task.CompletedTask);

        job.Status.Disabled.ShouldBeTrue();
        clock.Advance(TimeSpan.FromHours(1));
        job.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Stopping_ends_the_job_between_runs()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, Minute);
        await job.StartAsync(CancellationToken.None);

        await job.StopAsync(CancellationToken.None);

        job.ExecuteTask!.IsCompleted.ShouldBeTrue();
        job.ExecuteTask.IsFaulted.ShouldBeFalse();
    }

    private sealed class CountingJob(TimeProvider time, TimeSpan interval) : RecurringJob(time, NullLogger.Instance)
    {
        private int count;

        public int Count => Volatile.Read(ref count);
        public int FailingRuns { get; init; }

        public override string Name => "counting";
        protected override TimeSpan Interval => interval;

        protected override Task RunAsync(CancellationToken ct)
        {
            var run = Interlocked.Increment(ref count);
            if (run <= FailingRuns) throw new InvalidOperationException($"run {run} failed");
            return Task.CompletedTask;
        }
    }
}
