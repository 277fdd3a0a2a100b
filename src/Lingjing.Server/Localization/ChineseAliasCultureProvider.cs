using Microsoft.AspNetCore.Localization;

namespace Lingjing.Server.Localization;

/// <summary>Browsers send zh-CN; our Chinese is zh-Hans. Maps the Accept-Language forms of
/// simplified Chinese onto zh-Hans when no culture cookie or query string chose otherwise.</summary>
internal sealed class ChineseAliasCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (httpContext.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)
            || httpContext.Request.Query.ContainsKey("culture"))
            return NullProviderCultureResult;
        var header = httpContext.Request.Headers.AcceptLanguage.ToString();
        var first = header.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(';')[0].Trim();
        return first is "zh" or "zh-CN" or "zh-SG" or "zh-Hans" or "zh-Hans-CN"
            ? Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult("zh-Hans"))
            : NullProviderCultureResult;
    }
}
