using System.Net;
using System.Text.RegularExpressions;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Terminals;

/// <summary>Uses the portal as a browser does: cookies, antiforgery tokens and posted forms.</summary>
public static partial class PortalBrowser
{
    /// <summary>Signs in through the sign-in page; the client then carries the auth cookie.</summary>
    public static async Task<HttpClient> SignedInWithCookieAsync(LingjingApp app, string email, string password = TerminalScene.Password)
    {
        var client = app.Anonymous();
        var response = await PostFormAsync(client, "/account/signin", "signin", new() { ["Form.Email"] = email, ["Form.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>Loads the page for its antiforgery token, then posts the named form to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        token.Success.ShouldBeTrue($"{path} has no antiforgery token");
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    /// <summary>Where a redirect points, as a local path: Blazor answers with absolute URLs, cookie auth with relative ones.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new ShouldAssertException($"{(int)response.StatusCode} is not a redirect");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>What a person reads on the page: no tags, attributes, comments or scripts. Check absences
    /// on this: Blazor's state markers and antiforgery tokens are random text that can hold any short word.</summary>
    public static string VisibleText(string html) => WebUtility.HtmlDecode(Markup().Replace(html, " "));

    [GeneratedRegex(@"<script[\s\S]*?</script>|<style[\s\S]*?</style>|<!--[\s\S]*?-->|<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
