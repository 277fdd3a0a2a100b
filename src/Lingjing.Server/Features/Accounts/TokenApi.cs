using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts;

public static class TokenApi
{
    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record TokenResponse(string AccessToken, long ExpiresIn, string TokenType = "Bearer");

    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder group)
    {
        group.MapPost("/token", IssueToken)
            .AllowAnonymous()
            .WithSummary("Exchange an email and password for a bearer token")
            .WithDescription("Send the token as `Authorization: Bearer <accessToken>`. Wrong credentials give 401; repeated failures lock the account and throttle the client address (429 with Retry-After).");
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, HttpContext http, PasswordVerifier verifier, SignInManager<LingjingUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem(title: "Email and password are required", statusCode: 400,
                detail: "Send a JSON body {\"email\": \"...\", \"password\": \"...\"}.");

        var outcome = await verifier.VerifyAsync(request.Email, request.Password, ClientAddress.Of(http));
        switch (outcome.Kind)
        {
            case SignInResultKind.Throttled:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: "Too many failed sign-ins", statusCode: 429,
                    detail: $"Wait {Math.Ceiling(outcome.RetryAfter.Value.TotalSeconds)} seconds before trying again.");
            case SignInResultKind.LockedOut:
                return TypedResults.Problem(title: "The account is locked", statusCode: 401,
                    detail: $"Too many wrong passwords. Try again after {outcome.LockedUntil:u}.");
            case SignInResultKind.Invalid:
                return TypedResults.Problem(title: "Wrong email or password", statusCode: 401,
                    detail: "The email and password do not match an account.");
        }

        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(outcome.User!);
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
        return TypedResults.Ok(new TokenResponse(token, (long)options.BearerTokenExpiration.TotalSeconds));
    }
}
