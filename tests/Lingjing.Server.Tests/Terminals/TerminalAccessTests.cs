using System.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Terminals;

/// <summary>Each terminal opens for its roles only: others with a cookie are sent to /account/denied,
/// others with a bearer token get 403, and anonymous visitors are sent to the sign-in page.</summary>
[Collection(TerminalsCollection.Name)]
public sealed class TerminalAccessTests(TerminalsFixture fixture)
{
    public static TheoryData<Db, string, string> Allowed => Cases(
        ("/gov", TerminalScene.Government),
        ("/park", TerminalScene.OperatorA),
        ("/enterprise", TerminalScene.AdminA1),
        ("/enterprise", TerminalScene.MemberA1),
        ("/me", TerminalScene.Government),
        ("/me", TerminalScene.OperatorA),
        ("/me", TerminalScene.AdminA1),
        ("/me", TerminalScene.Visitor));

    public static TheoryData<Db, string, string> Refused => Cases(
        ("/gov", TerminalScene.OperatorA),
        ("/gov", TerminalScene.AdminA1),
        ("/gov", TerminalScene.Visitor),
        ("/park", TerminalScene.Government),
        ("/park", TerminalScene.AdminA1),
        ("/enterprise", TerminalScene.Government),
        ("/enterprise", TerminalScene.OperatorA),
        ("/enterprise", TerminalScene.Visitor));

    [Theory, MemberData(nameof(Allowed))]
    public async Task Terminal_opens_for_its_role_signed_in_with_a_cookie(Db db, string path, string email)
    {
        var (app, _) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, email);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1");
    }

    [Theory, MemberData(nameof(Allowed))]
    public async Task Terminal_opens_for_its_role_with_a_bearer_token(Db db, string path, string email)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(email, TerminalScene.Password);

        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Refused))]
    public async Task Terminal_sends_other_roles_with_a_cookie_to_the_denied_page(Db db, string path, string email)
    {
        var (app, _) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, email);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/denied");
    }

    [Theory, MemberData(nameof(Refused))]
    public async Task Terminal_answers_403_to_other_roles_with_a_bearer_token(Db db, string path, string email)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(email, TerminalScene.Password);

        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothDatabases]
    public async Task Anonymous_visitor_is_sent_to_sign_in_and_comes_back_after_it(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = app.Anonymous();

        var response = await client.GetAsync("/gov");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = response.Headers.Location!.ToString();
        signIn.ShouldContain("/account/signin");
        var posted = await PortalBrowser.PostFormAsync(client, new Uri(signIn).PathAndQuery, "signin",
            new() { ["Form.Email"] = TerminalScene.Government, ["Form.Password"] = TerminalScene.Password });
        PortalBrowser.RedirectPath(posted).ShouldBe("/gov");
    }

    [Theory, BothDatabases]
    public async Task Sign_in_without_a_return_address_lands_on_the_users_terminal(Db db)
    {
        var (app, _) = await fixture.App(db);

        var response = await PortalBrowser.PostFormAsync(app.Anonymous(), "/account/signin", "signin",
            new() { ["Form.Email"] = TerminalScene.OperatorA, ["Form.Password"] = TerminalScene.Password });

        PortalBrowser.RedirectPath(response).ShouldBe("/park");
    }

    [Theory, BothDatabases]
    public async Task Sign_in_ignores_a_return_address_on_another_site(Db db)
    {
        var (app, _) = await fixture.App(db);

        var response = await PortalBrowser.PostFormAsync(app.Anonymous(), "/account/signin?returnUrl=https%3A%2F%2Fevil.example%2F", "signin",
            new() { ["Form.Email"] = TerminalScene.AdminA1, ["Form.Password"] = TerminalScene.Password });

        PortalBrowser.RedirectPath(response).ShouldBe("/enterprise");
    }

    private static TheoryData<Db, string, string> Cases(params (string Path, string Email)[] rows)
    {
        var data = new TheoryData<Db, string, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
            foreach (var (path, email) in rows)
                data.Add(db, path, email);
        return data;
    }
}
