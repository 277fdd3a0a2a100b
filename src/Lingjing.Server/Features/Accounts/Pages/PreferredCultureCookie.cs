using Microsoft.AspNetCore.Localization;

namespace Lingjing.Server.Features.Accounts.Pages;

/// <summary>A user's chosen language follows them: signing in (or saving the profile) sets the same
/// culture cookie the language switch sets.</summary>
public static class PreferredCultureCookie
{
    public static void Apply(HttpContext http, string? preferredCulture)
    {
        if (preferredCulture is not ("en" or "zh-Hans")) return;
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(preferredCulture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
    }
}
