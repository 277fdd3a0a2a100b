using System.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Terminals;

[Collection(TerminalsCollection.Name)]
public sealed class SignInPageTests(TerminalsFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Wrong_password_shows_a_message_on_the_sign_in_page(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = app.Anonymous();

        var response = await PortalBrowser.PostFormAsync(client, "/account/signin", "signin",
            new() { ["Form.Email"] = TerminalScene.Visitor, ["Form.Password"] = "not the password" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = PortalBrowser.Text(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Wrong email or password.");
        (await client.GetAsync("/me")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, BothDatabases]
    public async Task Unknown_account_gets_the_same_message_as_a_wrong_password(Db db)
    {
        var (app, _) = await fixture.App(db);

        var response = await PortalBrowser.PostFormAsync(app.Anonymous(), "/account/signin", "signin",
            new() { ["Form.Email"] = "nobody@terminals.test", ["Form.Password"] = "whatever1A" });

        PortalBrowser.Text(await response.Content.ReadAsStringAsync()).ShouldContain("Wrong email or password.");
    }

    [Theory, BothDatabases]
    public async Task Sign_out_ends_the_cookie_session(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, TerminalScene.Visitor);
        (await client.GetAsync("/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await client.GetStringAsync("/me");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }));

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/me")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
