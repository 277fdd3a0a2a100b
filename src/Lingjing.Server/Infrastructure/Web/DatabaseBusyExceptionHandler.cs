using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>When the database has no connection left for this request (PostgreSQL's "too many
/// clients", SQLSTATE 53300, or Npgsql's pool exhausted), the server is busy, not broken: 503 with
/// Retry-After, so clients back off and try again instead of seeing a 500.</summary>
internal sealed class DatabaseBusyExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseBusyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsBusy(exception)) return false;
        logger.LogWarning("Database busy, answered 503: {Message}", exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The server is busy",
                Detail = "Every database connection is in use right now; please try again in a moment.",
            },
        });
    }

    private static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.TooManyConnections }) return true;
            if (e is NpgsqlException && e.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
