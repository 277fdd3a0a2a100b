using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>Drives a <see cref="RecurringJob"/> on a fake clock: moves the clock a step at a time until the
/// awaited runs are done. No fixed waits.</summary>
public static class JobDriver
{
    /// <summary>Until the job has finished two more runs (so at least one whole run started after the call).</summary>
    public static Task RunAsync(RecurringJob job, FakeTimeProvider clock, TimeSpan step) =>
        AdvanceUntilAsync(clock, job.WaitForRunsAsync(2), step, job.Name);

    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, Task runs, TimeSpan step, string job = "the job")
    {
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (!runs.IsCompleted)
        {
            if (DateTime.UtcNow > giveUp) throw new TimeoutException($"{job} did not run within 60 s.");
            clock.Advance(step);
            await Task.WhenAny(runs, Task.Delay(20));
        }
        await runs;
    }
}
