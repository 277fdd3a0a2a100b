using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Lingjing.Server.Localization;

public static class LocalizationExtensions
{
    public static readonly string[] SupportedCultures = ["en", "zh-Hans"];

    public static WebApplicationBuilder AddLingjingLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        builder.Services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // zh, zh-CN and zh-Hans-CN all map to zh-Hans through parent fallback plus this alias.
            options.RequestCultureProviders.Insert(0, new ChineseAliasCultureProvider());
        });
        return builder;
    }

    public static WebApplication UseLingjingLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        // The language switch: sets the culture cookie and returns to the page.
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!SupportedCultures.Contains(culture)) culture = "en";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Infrastructure.Web.LocalReturnUrl.OrDefault(returnUrl, "/"));
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
