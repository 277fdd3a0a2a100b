using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>The default scheme: reads the bearer token when the request has one, else the cookie, and
/// then checks that the session they carry is still on. An ended, expired or superseded session fails
/// authentication, so the request is answered as one that never signed in (401, or the sign-in page).</summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CookieOrBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(TargetScheme);
        if (!result.Succeeded) return result;
        return await sessions.IsActiveAsync(result.Principal, Context.RequestAborted)
            ? AuthenticateResult.Success(result.Ticket)
            : AuthenticateResult.Fail("The session has ended: signed out, expired, or the password or account changed.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(TargetScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(TargetScheme, properties);

    private string TargetScheme => HasBearerToken(Context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    private static bool HasBearerToken(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (http.Request.Path.StartsWithSegments("/world/ws") && http.Request.Query.ContainsKey("access_token"));
}
