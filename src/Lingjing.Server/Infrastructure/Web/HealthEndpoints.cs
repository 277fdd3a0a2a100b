using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Lingjing.Server.Infrastructure.Web;

public static class HealthEndpoints
{
    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c> and <c>/health</c>:
    /// the database answers too.</summary>
    public static void MapLingjingHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
    }
}
