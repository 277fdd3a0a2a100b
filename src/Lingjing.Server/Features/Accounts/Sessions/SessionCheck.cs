using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>Runs after every successful authentication, cookie or bearer token alike (ASP.NET Core calls
/// the claims transformation for each scheme), and turns the principal of an ended, expired or
/// superseded session into an anonymous one, so the request is treated as not signed in.</summary>
internal sealed class SessionCheck(SessionStore sessions) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return principal;
        return await sessions.IsActiveAsync(principal) ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
