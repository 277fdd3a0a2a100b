using System.Text.Encodings.Web;
using Lingjing.Server.Features.Accounts.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>The default scheme: reads a machine's API key (<c>Bearer ljk_…</c>), else the bearer token when the request
/// has one, else the cookie, and then checks that the session they carry is still on. An ended, expired or superseded session fails
/// authentication, so the request is answered as one that never signed in (401, or the sign-in page).</summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions, ApiKeyService apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CookieOrBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyIn(Context) is { } key)
        {
            var (principal, refusal) = await apiKeys.AuthenticateAsync(key, SchemeName, Context.RequestAborted);
            if (principal is not null) return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
            Context.Items[ApiKeyRefusal] = refusal;
            return AuthenticateResult.Fail(refusal!.Detail.English());
        }
        var result = await Context.AuthenticateAsync(TargetScheme);
        if (!result.Succeeded) return result;
        return await sessions.IsActiveAsync(result.Principal, Context.RequestAborted)
            ? AuthenticateResult.Success(result.Ticket)
            : AuthenticateResult.Fail("The session has ended: signed out, expired, or the password or account changed.");
    }

    /// <summary>A refused API key says why (revoked, expired, unknown); anything else is challenged by its own scheme.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.Items[ApiKeyRefusal] is Failure refusal ? refusal.ToProblem().ExecuteAsync(Context) : Context.ChallengeAsync(TargetScheme, properties);

    private const string ApiKeyRefusal = "lingjing:api-key-refusal";

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(TargetScheme, properties);

    private string TargetScheme => HasBearerToken(Context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    /// <summary>A machine's API key, sent as a bearer token (<c>Bearer ljk_…</c>).</summary>
    private static string? ApiKeyIn(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer " + ApiKeyService.Marker, StringComparison.Ordinal)
            ? header["Bearer ".Length..].Trim()
            : null;

    private static bool HasBearerToken(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (http.Request.Path.StartsWithSegments("/world/ws") && http.Request.Query.ContainsKey("access_token"));
}
