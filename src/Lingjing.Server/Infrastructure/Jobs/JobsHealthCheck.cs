using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lingjing.Server.Infrastructure.Jobs;

/// <summary>The background jobs in <c>/health</c>: degraded while a job's last run failed, with each job's
/// last run, next run and when it last failed in the report's data (not the error text: /health is public).</summary>
public sealed class JobsHealthCheck(IEnumerable<RecurringJob> jobs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var failing = new List<string>();
        foreach (var job in jobs.OrderBy(j => j.Name))
        {
            var status = JobStatusView.Of(job);
            data[job.Name] = status with { LastError = null }; // /health is public: the text stays on the operations page
            if (status.LastError is not null) failing.Add(job.Name);
        }
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{data.Count} jobs", data)
            : HealthCheckResult.Degraded($"Last run failed: {string.Join(", ", failing)}", data: data));
    }
}
