using Lingjing.Server.Infrastructure.Errors;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Terminals;
using Lingjing.Server.Features.Terminals.Me;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Terminals;

[Collection(TerminalsCollection.Name)]
public sealed class MeProfileTests(TerminalsFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Profile_shows_roles_and_the_enterprise_the_user_belongs_to(Db db)
    {
        var (app, scene) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.MemberA1, TerminalScene.Password);

        var me = await client.GetFromJsonAsync<UserProfile>("/api/v1/me");

        me!.Email.ShouldBe(TerminalScene.MemberA1);
        me.Roles.ShouldBe(["EnterpriseMember", "Employee"], ignoreOrder: true);
        me.EnterpriseId.ShouldBe(scene.EnterpriseA1);
        me.EnterpriseNameEn.ShouldBe("Alpha One Culture");
    }

    [Theory, BothDatabases]
    public async Task Profile_edit_persists(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.OperatorA, TerminalScene.Password);

        var response = await client.PutAsJsonAsync("/api/v1/me", new { displayName = "  Wang Fang ", jobTitle = "Operations lead", preferredCulture = "en" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await client.GetFromJsonAsync<UserProfile>("/api/v1/me");
        me!.DisplayName.ShouldBe("Wang Fang");
        me.JobTitle.ShouldBe("Operations lead");
        me.PreferredCulture.ShouldBe("en");
        me.ParkNameEn.ShouldBe("Test Park A");
    }

    [Theory, BothDatabases]
    public async Task Invalid_profile_gets_400_naming_the_fields(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.Visitor, TerminalScene.Password);

        var response = await client.PutAsJsonAsync("/api/v1/me", new { displayName = " ", jobTitle = new string('j', 101), preferredCulture = "fr" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("displayName", out _).ShouldBeTrue();
        errors.TryGetProperty("jobTitle", out _).ShouldBeTrue();
        errors.TryGetProperty("preferredCulture", out _).ShouldBeTrue();
        (await client.GetFromJsonAsync<UserProfile>("/api/v1/me"))!.DisplayName.ShouldBe("visitor");
    }

    [Theory]
    [InlineData("Admin\u202Egnp.exe")]   // a right-to-left override: reads as "Adminexe.png"
    [InlineData("Wang\u2066Fang")]       // a direction isolate
    [InlineData("Wang\nFang")]           // a line break in a one-line name
    [InlineData("Wang\u0007Fang")]       // a bell
    public async Task Names_with_hidden_characters_are_refused_with_the_reason(string name)
    {
        var (app, _) = await fixture.App(Db.Sqlite);
        var client = await app.SignedInAsync(TerminalScene.Visitor, TerminalScene.Password);

        var response = await client.PutAsJsonAsync("/api/v1/me", new { displayName = name, jobTitle = "", preferredCulture = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("displayName")[0].GetString().ShouldBe(FieldErrors.HiddenCharacters);
        (await client.GetFromJsonAsync<UserProfile>("/api/v1/me"))!.DisplayName.ShouldBe("visitor");
    }

    [Fact]
    public async Task Names_in_any_script_with_emoji_are_kept()
    {
        var (app, _) = await fixture.App(Db.Sqlite);
        var client = await app.SignedInAsync(TerminalScene.Visitor, TerminalScene.Password);

        (await client.PutAsJsonAsync("/api/v1/me", new { displayName = "王芳 🎨 \u200FFatima فاطمة", jobTitle = "", preferredCulture = "" })).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest); // U+200F, the right-to-left mark, is a direction control too
        (await client.PutAsJsonAsync("/api/v1/me", new { displayName = "王芳 🎨 Fatima فاطمة", jobTitle = "", preferredCulture = "" })).StatusCode
            .ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<UserProfile>("/api/v1/me"))!.DisplayName.ShouldBe("王芳 🎨 Fatima فاطمة");
        await client.PutAsJsonAsync("/api/v1/me", new { displayName = "visitor", jobTitle = "", preferredCulture = "" });
    }

    [Theory, BothDatabases]
    public async Task Renaming_on_the_page_shows_the_new_name_in_the_navigation(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, TerminalScene.Renamer);

        var saved = await PortalBrowser.PostFormAsync(client, "/me", "my-profile",
            new() { ["Form.DisplayName"] = "Li Lei", ["Form.JobTitle"] = "Curator", ["Form.PreferredCulture"] = "" });

        PortalBrowser.RedirectPath(saved).ShouldBe("/me?saved=true");
        var page = PortalBrowser.Text(await client.GetStringAsync("/me?saved=true"));
        page.ShouldContain("class=\"lj-user small\" title=\"renamer@terminals.test\">Li Lei</span>");
        page.ShouldContain("Your profile is saved.");
    }

    [Theory, BothDatabases]
    public async Task Anonymous_callers_get_401_from_the_profile_api(Db db)
    {
        var (app, _) = await fixture.App(db);

        (await app.Anonymous().GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
