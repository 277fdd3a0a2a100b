using Microsoft.OpenApi;

namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>The two ways to be signed in: a bearer token from <c>POST /api/v1/auth/token</c> (machines, apps) or the
/// sign-in page's cookie (the browser). Either one satisfies an operation that needs a signed-in caller.</summary>
public static class SecuritySchemes
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    /// <param name="cookieName">The sign-in cookie's name, as the cookie scheme is configured.</param>
    public static void AddTo(OpenApiDocument document, string cookieName)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An access token from POST /api/v1/auth/token (opaque, valid 8 hours), sent as `Authorization: Bearer <accessToken>`.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookieName,
            Description = "The cookie the sign-in page (/account/signin) sets in a browser.",
        };
    }

    /// <summary>Bearer or cookie: two alternative requirements.</summary>
    public static List<OpenApiSecurityRequirement> SignedIn(OpenApiDocument document) =>
    [
        new() { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
        new() { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] },
    ];
}
