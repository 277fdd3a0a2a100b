using System.Net;
using Lingjing.Server.Infrastructure.Web;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.Security;

/// <summary>Return URLs are followed only when they are a path on this site.</summary>
[Collection(TerminalsCollection.Name)]
public sealed class ReturnUrlTests(TerminalsFixture fixture)
{
    public static TheoryData<string, bool> Urls => new()
    {
        { "/", true },
        { "/me/bookings?week=2026-12-01", true },
        { "/directory/enterprises?q=a//b", true },
        { "//evil.example", false },
        { "/\\evil.example", false },
        { "/\t/evil.example", false },
        { "/\n/evil.example", false },
        { "https://evil.example/", false },
        { "evil.example", false },
        { "", false },
        { null!, false },
    };

    [Theory, MemberData(nameof(Urls))]
    public void Only_local_paths_are_local(string url, bool local) => LocalReturnUrl.IsLocal(url).ShouldBe(local);

    public static TheoryData<Db, string> Foreign => new()
    {
        { Db.Sqlite, "//evil.example/" }, { Db.Sqlite, "/\\evil.example/" }, { Db.Sqlite, "/\t/evil.example/" }, { Db.Sqlite, "https://evil.example/" },
        { Db.Postgres, "//evil.example/" }, { Db.Postgres, "/\\evil.example/" }, { Db.Postgres, "/\t/evil.example/" }, { Db.Postgres, "https://evil.example/" },
    };

    [Theory, MemberData(nameof(Foreign))]
    public async Task The_language_switch_goes_home_instead_of_to_another_site(Db db, string returnUrl)
    {
        var (app, _) = await fixture.App(db);

        using var response = await app.Anonymous().GetAsync("/culture/zh-Hans?returnUrl=" + Uri.EscapeDataString(returnUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory, MemberData(nameof(Foreign))]
    public async Task Sign_in_lands_on_the_users_terminal_instead_of_another_site(Db db, string returnUrl)
    {
        var (app, _) = await fixture.App(db);

        var response = await PortalBrowser.PostFormAsync(app.Anonymous(), "/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl), "signin",
            new() { ["Form.Email"] = TerminalScene.AdminA1, ["Form.Password"] = TerminalScene.Password });

        PortalBrowser.RedirectPath(response).ShouldBe("/enterprise");
    }

    [Theory, BothDatabases]
    public async Task The_language_switch_returns_to_a_local_page(Db db)
    {
        var (app, _) = await fixture.App(db);

        using var response = await app.Anonymous().GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString("/directory/parks?page=2"));

        response.Headers.Location!.OriginalString.ShouldBe("/directory/parks?page=2");
    }
}
