using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Lingjing.Server.Infrastructure.Jobs;

/// <summary>The meter <c>Lingjing.Jobs</c>: runs of every <see cref="RecurringJob"/> by job and outcome, and
/// their durations. Static because a job exists once per process and its meter with it.</summary>
public static class JobMetrics
{
    public const string MeterName = "Lingjing.Jobs";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("lingjing.jobs.runs", description: "Job runs by job and outcome");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("lingjing.jobs.duration", "s", "How long a job run took");

    public static void Record(string job, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "succeeded" : "failed" } };
        Runs.Add(1, tags);
        Duration.Record(Math.Max(0, duration.TotalSeconds), tags);
    }
}
