using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>Drives a <see cref="RecurringJob"/> on a fake clock: moves the clock a step at a time until the
/// job has finished two more runs (so at least one whole run started after the call). No fixed waits.</summary>
public static class JobDriver
{
    public static async Task RunAsync(RecurringJob job, FakeTimeProvider clock, TimeSpan step)
    {
        var runs = job.WaitForRunsAsync(2);
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (!runs.IsCompleted)
        {
            if (DateTime.UtcNow > giveUp) throw new TimeoutException($"Job {job.Name} did not run twice within 60 s (last error: {job.Status.LastError ?? "none"}).");
            clock.Advance(step);
            await Task.WhenAny(runs, Task.Delay(20));
        }
        await runs;
    }
}
