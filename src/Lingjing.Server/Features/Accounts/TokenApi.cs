using System.Security.Claims;
using Lingjing.Server.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts;

public static class TokenApi
{
    public sealed record TokenRequest(string? Email, string? Password);

    public const string FailedTitle = "Wrong email or password";
    public const string FailedDetail = "The email and password do not match an account that may sign in now. After several wrong passwords an account is locked for a few minutes.";

    public sealed record TokenResponse(string AccessToken, long ExpiresIn, string TokenType = "Bearer");

    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder group)
    {
        group.MapPost("/token", IssueToken)
            .AllowAnonymous()
            .WithSummary("Exchange an email and password for a bearer token")
            .WithDescription("Send the token as `Authorization: Bearer <accessToken>`. An unknown email, a wrong password and a locked account all give the same 401; repeated failures lock the account and throttle the client address (429 with Retry-After).")
            // Sign-in has its own throttle on failures; many people signing in from one office must pass.
            .DisableRateLimiting();
        group.MapPost("/signout", SignOut)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("End the session of this bearer token (or cookie)")
            .WithDescription("The token stops working at once. Other sessions of the account stay; end them under /api/v1/me/sessions.");
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, HttpContext http, PasswordVerifier verifier, SignInManager<LingjingUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, SessionStore sessions, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return Failure.Invalid(MissingCredentials(request)).Titled("Email and password are required").ToProblem();

        var outcome = await verifier.VerifyAsync(request.Email, request.Password, ClientAddress.Of(http));
        switch (outcome.Kind)
        {
            case SignInResultKind.Throttled:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new Failure(StatusCodes.Status429TooManyRequests, new("Too many failed sign-ins"),
                    new("Wait {0} seconds before trying again.", Math.Ceiling(outcome.RetryAfter.Value.TotalSeconds))).ToProblem();
            case SignInResultKind.LockedOut or SignInResultKind.Invalid:
                // One answer for all three, so a caller cannot tell which accounts exist or are locked.
                return new Failure(StatusCodes.Status401Unauthorized, new(FailedTitle), new(FailedDetail)).ToProblem();
        }

        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var session = await sessions.StartAsync(outcome.User!, SessionKinds.Token, http, options.BearerTokenExpiration, http.RequestAborted);
        var principal = await signIn.CreateUserPrincipalAsync(outcome.User!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaims.SessionId, session.Id.ToString()));
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
        return TypedResults.Ok(new TokenResponse(token, (long)options.BearerTokenExpiration.TotalSeconds));
    }

    private static async Task<NoContent> SignOut(HttpContext http, SignInManager<LingjingUser> signIn)
    {
        // Ends the session behind this request's token or cookie; for a cookie it also clears the cookie.
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static FieldErrors MissingCredentials(TokenRequest request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add(new Field("email", "Email"), "This field is required.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add(new Field("password", "Password"), "This field is required.");
        return errors;
    }
}
