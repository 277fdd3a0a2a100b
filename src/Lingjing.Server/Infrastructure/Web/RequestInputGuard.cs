using System.Text;
using Microsoft.Net.Http.Headers;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Refuses input no handler can store or read, before any handler sees it: a NUL character in
/// the query (PostgreSQL text cannot hold one, so it would fail deep in a query instead of here) and a
/// body in a character set .NET cannot decode (UTF-7 among them).</summary>
public static class RequestInputGuard
{
    public static IApplicationBuilder UseLingjingRequestInputGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var problem = QueryProblem(context.Request) ?? CharsetProblem(context.Request);
            if (problem is null)
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = problem.Value.Status;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = problem.Value.Status, Title = StatusTitles.For(problem.Value.Status), Detail = problem.Value.Detail },
            });
        });

    private static (int Status, string Detail)? QueryProblem(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
            if (name.Contains('\0') || values.Any(v => v?.Contains('\0') == true))
                return (StatusCodes.Status400BadRequest, $"The query parameter '{name.Replace("\0", "", StringComparison.Ordinal)}' contains a NUL character (%00).");
        return null;
    }

    private static (int Status, string Detail)? CharsetProblem(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Length == 0) return null;
        var charset = type.Charset.ToString().Trim('"');
        try
        {
            if (Encoding.GetEncoding(charset) is { CodePage: 65000 }) throw new NotSupportedException(); // UTF-7
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return (StatusCodes.Status415UnsupportedMediaType, $"The body's charset '{charset}' is not supported: send UTF-8.");
        }
    }
}
