using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>Every cookie sign-in (the sign-in page, first-run setup) starts a session whose id goes
/// into the cookie; a refresh of the cookie (after a profile change) keeps it; signing out ends it.</summary>
public sealed class LingjingSignInManager(
    UserManager<LingjingUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<LingjingUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<LingjingUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LingjingUser> confirmation, SessionStore sessions, IOptionsMonitor<SignInSessionOptions> sessionOptions)
    : SignInManager<LingjingUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private const string SessionItem = "lingjing.sid";

    public override async Task SignInWithClaimsAsync(LingjingUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var properties = authenticationProperties ?? new AuthenticationProperties();
        var sessionId = properties.Items.TryGetValue(SessionItem, out var kept) && Guid.TryParse(kept, out var id)
            ? id
            : (await sessions.StartAsync(user, SessionKinds.Cookie, Context, TimeSpan.FromDays(sessionOptions.CurrentValue.CookieDays))).Id;
        properties.Items[SessionItem] = sessionId.ToString();
        await base.SignInWithClaimsAsync(user, properties, additionalClaims.Append(new Claim(SessionClaims.SessionId, sessionId.ToString())));
    }

    public override async Task SignOutAsync()
    {
        await EndCurrentSessionAsync(Context);
        await base.SignOutAsync();
    }

    /// <summary>Ends the session of the request's cookie or bearer token.</summary>
    public async Task EndCurrentSessionAsync(HttpContext http)
    {
        if (SessionStore.SessionId(http.User) is { } sessionId && http.User.UserId() is { } userId)
            await sessions.EndAsync(userId, sessionId);
    }
}
