using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Jobs;

namespace Lingjing.Server.Features.Operations;

public static class OperationsApi
{
    public static WebApplication MapOperationsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/operations").WithTags("Operations").RequireAuthorization(Policies.Government);
        group.MapGet("/jobs", (IEnumerable<RecurringJob> jobs) =>
                TypedResults.Ok(jobs.OrderBy(j => j.Name).Select(JobStatusView.Of).ToList()))
            .WithSummary("The background jobs: interval, last run, next run, runs, failures and the last error");
        return app;
    }
}
