using Lingjing.Server.Features.Accounts.ApiKeys;
using Lingjing.Server.Features.Accounts.Sessions;
using Lingjing.Server.Features.Accounts.Staff;
using Lingjing.Server.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Lingjing.Server.Infrastructure.Options;

namespace Lingjing.Server.Features.Accounts;

public static class AccountsExtensions
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<LingjingUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordRule.MinimumLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LingjingDbContext>()
            .AddSignInManager<LingjingSignInManager>()
            .AddClaimsPrincipalFactory<LingjingClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SessionAuthenticationHandler.SchemeName;
                options.DefaultChallengeScheme = SessionAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, "Cookie or bearer token of a live session", null)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "lingjing.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/account/signin";
                options.AccessDeniedPath = "/account/denied";
                options.ExpireTimeSpan = TimeSpan.FromDays(7);
                options.SlidingExpiration = true;
                // The API answers 401/403 with problem details rather than redirecting to a page.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, 401);
                options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, 403);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(8);
                // WebSockets from browsers cannot set headers: the world socket may pass ?access_token=.
                options.Events.OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/world/ws") && context.Request.Query["access_token"] is { Count: 1 } token)
                        context.Token = token.ToString();
                    return Task.CompletedTask;
                };
            });
        // AddIdentityCore does not register the external/2FA cookies SignInManager can refer to.
        services.AddAuthentication().AddCookie(IdentityConstants.ExternalScheme).AddCookie(IdentityConstants.TwoFactorUserIdScheme);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Government, p => p.RequireRole(Roles.Government))
            .AddPolicy(Policies.ParkOperator, p => p.RequireRole(Roles.ParkOperator).RequireClaim(LingjingClaims.ParkId))
            .AddPolicy(Policies.SpaceManager, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Government)
                || (c.User.IsInRole(Roles.ParkOperator) && c.User.HasClaim(claim => claim.Type == LingjingClaims.ParkId))))
            .AddPolicy(Policies.EnterpriseStaff, p => p.RequireRole(Roles.EnterpriseAdmin, Roles.EnterpriseMember).RequireClaim(LingjingClaims.EnterpriseId))
            .AddPolicy(Policies.EnterpriseAdmin, p => p.RequireRole(Roles.EnterpriseAdmin).RequireClaim(LingjingClaims.EnterpriseId))
            .AddPolicy(Policies.InstitutionStaff, p => p.RequireRole(Roles.InstitutionStaff).RequireClaim(LingjingClaims.InstitutionId));

        services.AddCheckedOptions<SignInSessionOptions, SignInSessionOptionsValidator>(builder.Configuration.GetSection(SignInSessionOptions.Section));
        services.AddSingleton<SessionCache>();
        services.AddScoped<SessionStore>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<StaffAccountService>();
        services.AddScoped<PasswordChange>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordVerifier>();
        services.AddSingleton<FirstRunState>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapGroup("/api/v1/auth").WithTags("Authentication").MapTokenApi();
        app.MapGroup("/api/v1/me").WithTags("Sessions").RequireAuthorization(Policies.SignedIn).MapSessionsApi();
        app.UseApiKeyScopes();
        app.MapApiKeysApi();
        app.MapGroup("/api/v1/staff-accounts").WithTags("Staff accounts").RequireAuthorization(Policies.SpaceManager).MapStaffAccountsApi();
        app.MapPost("/account/signout", SignOutAsync).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        app.UseMiddleware<FirstRunRedirect>();
        return app;
    }

    private static async Task<IResult> SignOutAsync(SignInManager<LingjingUser> signIn, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect(HomeRoute.IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static Task RedirectOrStatus(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/world/ws"))
            http.Response.StatusCode = status;
        else
            http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
