using System.Net;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Terminals;

/// <summary>Without demo data the first visitor creates the government administrator at /setup.</summary>
public sealed class SetupPageTests
{
    private static Dictionary<string, string> Admin(string password = "First#Admin1", string confirm = "First#Admin1") => new()
    {
        ["Form.Email"] = "chief@district.test",
        ["Form.DisplayName"] = "Chief Officer",
        ["Form.Password"] = password,
        ["Form.ConfirmPassword"] = confirm,
    };

    [Theory, BothDatabases]
    public async Task Setup_creates_the_first_government_administrator_and_signs_them_in(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        var client = app.Anonymous();
        var home = await client.GetAsync("/");
        PortalBrowser.RedirectPath(home).ShouldBe("/setup");

        var response = await PortalBrowser.PostFormAsync(client, "/setup", "setup", Admin());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PortalBrowser.RedirectPath(response).ShouldBe("/gov");
        (await client.GetAsync("/gov")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
        var admin = await users.FindByEmailAsync("chief@district.test");
        admin.ShouldNotBeNull();
        admin.DisplayName.ShouldBe("Chief Officer");
        (await users.IsInRoleAsync(admin, Roles.Government)).ShouldBeTrue();
    }

    [Theory, BothDatabases]
    public async Task Setup_redirects_away_once_an_account_exists(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        var client = app.Anonymous();
        (await PortalBrowser.PostFormAsync(client, "/setup", "setup", Admin())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await app.Anonymous().GetAsync("/setup");

        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PortalBrowser.RedirectPath(again).ShouldBe("/");
    }

    [Theory, BothDatabases]
    public async Task Setup_explains_a_weak_or_mistyped_password_and_creates_nobody(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        var client = app.Anonymous();

        var weak = await PortalBrowser.PostFormAsync(client, "/setup", "setup", Admin("short", "short"));
        var mistyped = await PortalBrowser.PostFormAsync(client, "/setup", "setup", Admin("First#Admin1", "First#Admin2"));

        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalBrowser.Text(await weak.Content.ReadAsStringAsync()).ShouldContain("data-field-error=\"password\"");
        PortalBrowser.Text(await mistyped.Content.ReadAsStringAsync()).ShouldContain("The two passwords differ.");
        PortalBrowser.RedirectPath(await app.Anonymous().GetAsync("/")).ShouldBe("/setup");
    }
}
