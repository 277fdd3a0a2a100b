using System.Net;
using System.Text.RegularExpressions;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>Signs in through the sign-in page, as a browser does, and returns the auth cookie.</summary>
public static partial class CookieSignIn
{
    public const string CookieName = "lingjing.auth";

    public static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await (await client.GetAsync("/account/signin")).Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["Form.Email"] = email,
            ["Form.Password"] = password,
        }));
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal))
            : null;
        cookie.ShouldNotBeNull($"signing in as {email} set no cookie (status {(int)response.StatusCode})");
        return cookie[(CookieName.Length + 1)..cookie.IndexOf(';')];
    }

    /// <summary>A client that sends only the given auth cookie.</summary>
    public static HttpClient WithCookie(Infrastructure.LingjingApp app, string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={cookie}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
