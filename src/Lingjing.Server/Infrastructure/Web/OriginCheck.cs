namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Refuses requests a foreign site's page could make with the visitor's cookie: WebSocket
/// upgrades (cross-site WebSocket hijacking; browsers do not apply CORS to WebSockets) and
/// state-changing requests (POST, PUT, PATCH, DELETE). A request is accepted when its Origin is the
/// site itself (the request's own scheme and host, or <see cref="PublicBaseUrl"/>) or one of
/// <c>Lingjing:AllowedOrigins</c>, when it has no Origin (browsers always send one on these requests,
/// so it comes from another kind of client), or when it carries an Authorization header (a bearer or
/// device token, which a browser never adds on its own).</summary>
public static class OriginCheck
{
    public static IApplicationBuilder UseLingjingOriginCheck(this IApplicationBuilder app)
    {
        var publicBase = app.ApplicationServices.GetRequiredService<PublicBaseUrl>();
        var allowed = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LingjingOptions>>().Value.AllowedOrigins
            .Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0).Append(publicBase.Origin)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!IsGuarded(request) || request.Headers.Authorization.Count > 0
                || request.Headers.Origin is not [{ Length: > 0 } origin]
                || IsOwnOrAllowed(request, origin, allowed))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Request from another site refused",
                    Detail = $"Pages of {origin} may not {(IsWebSocket(request) ? "open a WebSocket to" : "change data on")} this site " +
                        "with its sign-in cookie. Use this site's own pages, or call the API with a bearer token.",
                },
            });
        });
    }

    private static bool IsGuarded(HttpRequest request) =>
        IsWebSocket(request) || HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
        || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);

    private static bool IsWebSocket(HttpRequest request) =>
        HttpMethods.IsConnect(request.Method) // HTTP/2 extended CONNECT
        || request.Headers.Upgrade.Any(u => string.Equals(u, "websocket", StringComparison.OrdinalIgnoreCase));

    private static bool IsOwnOrAllowed(HttpRequest request, string origin, HashSet<string> allowed) =>
        allowed.Contains(origin)
        || string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
}
