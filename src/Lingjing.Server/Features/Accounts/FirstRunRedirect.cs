namespace Lingjing.Server.Features.Accounts;

/// <summary>Sends page requests to /setup while the installation has no users.</summary>
internal sealed class FirstRunRedirect(RequestDelegate next, FirstRunState state)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        var isPage = HttpMethods.IsGet(http.Request.Method)
            && !path.StartsWithSegments("/setup") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/health")
            && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_blazor")
            && !Path.HasExtension(path.Value);
        if (isPage && await state.NeedsSetupAsync(http.RequestAborted))
        {
            http.Response.Redirect("/setup");
            return;
        }
        await next(http);
    }
}
