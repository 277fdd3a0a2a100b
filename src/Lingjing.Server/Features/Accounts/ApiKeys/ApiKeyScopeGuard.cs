using Lingjing.Server.Infrastructure.Web;

namespace Lingjing.Server.Features.Accounts.ApiKeys;

/// <summary>A request signed in with an API key reaches only the API routes its scopes open (<see cref="ApiScopes"/>):
/// anything else, pages included, is a 403 that names the scopes that would.</summary>
public static class ApiKeyScopeGuard
{
    public static WebApplication UseApiKeyScopes(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (!http.User.IsApiKey() || http.GetEndpoint() is null)
            {
                await next(http);
                return;
            }
            var method = http.Request.Method;
            var route = RoutePatterns.Of(http) ?? http.Request.Path.Value ?? "/";
            var scopes = http.User.FindAll(ApiKeyClaims.Scope).Select(c => c.Value).ToList();
            if (ApiScopes.Allow(scopes, method, route))
            {
                await next(http);
                return;
            }
            var would = ApiScopes.All.Where(s => ApiScopes.Allow([s.Code], method, route)).Select(s => s.Code).ToList();
            var refusal = would.Count > 0
                ? Failure.Forbidden("This API key may not be used for {0} {1}: it needs the scope {2}.", method, route, string.Join(" or ", would))
                : Failure.Forbidden("API keys cannot be used for {0} {1}; a person signs in for that.", method, route);
            await refusal.ToProblem().ExecuteAsync(http);
        });
        return app;
    }
}
