using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Lingjing.Server.Features.Terminals.Enterprises;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Terminals;

[Collection(TerminalsCollection.Name)]
public sealed class EnterpriseProfileTests(TerminalsFixture fixture)
{
    private static object ValidUpdate(string nameEn = "Beta One Film Studio", object? employees = null) => new
    {
        nameZh = "乙一影视工作室",
        nameEn,
        descriptionZh = "纪录片与动画。",
        descriptionEn = "Documentaries and animation.",
        website = "https://beta-one.example.test",
        contactEmail = "hello@beta-one.example.test",
        contactPhone = "+86 10 1234 5678",
        employees = employees ?? 95,
        tags = new[] { "documentary", "animation", " 动画 ", "animation" },
    };

    [Theory, BothDatabases]
    public async Task Admin_edit_saves_self_service_fields_and_declares_employees_and_tags_for_review(Db db)
    {
        var (app, scene) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.AdminB1, TerminalScene.Password);
        var before = TestClock.Now.UtcDateTime.AddSeconds(-1);

        var response = await client.PutAsJsonAsync("/api/v1/enterprise/profile", ValidUpdate());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await client.GetFromJsonAsync<EnterpriseProfile>("/api/v1/enterprise/profile");
        saved!.NameEn.ShouldBe("Beta One Film Studio");
        saved.Website.ShouldBe("https://beta-one.example.test");
        // Employees and tags decide money: they stay verified until the park approves the declared values.
        saved.Employees.ShouldBe(80);
        saved.Tags.ShouldBe(["设计", "design"]);
        saved.DeclaredEmployees.ShouldBe(95);
        saved.DeclaredTags.ShouldBe(["documentary", "animation", "动画"]);
        saved.PendingChanges.Select(c => c.Fact).Order().ShouldBe(["employees", "tags"]);
        await using var scope = app.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Enterprise>().AsNoTracking().SingleAsync(e => e.Id == scene.EnterpriseB1);
        row.SearchText.ShouldContain("documentaries and animation.");
        row.SearchText.ShouldContain("乙一影视工作室");
        row.UpdatedAt.ShouldBeGreaterThan(before);
    }

    [Theory, BothDatabases]
    public async Task Invalid_profile_gets_400_naming_each_field_and_changes_nothing(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.AdminA1, TerminalScene.Password);

        var response = await client.PutAsJsonAsync("/api/v1/enterprise/profile", new
        {
            nameZh = "",
            nameEn = new string('x', 201),
            website = "javascript:alert(1)",
            contactEmail = "not an email",
            contactPhone = "call me",
            employees = -3,
            tags = Enumerable.Range(1, 21).Select(i => $"tag{i}").ToArray(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldBe("Check these fields: Chinese name, English name, Website, Contact email, Contact phone, Employees, Tags.");
        foreach (var field in new[] { "nameZh", "nameEn", "website", "contactEmail", "contactPhone", "employees", "tags" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}");
        }
        (await client.GetFromJsonAsync<EnterpriseProfile>("/api/v1/enterprise/profile"))!.NameEn.ShouldBe("Alpha One Culture");
    }

    [Theory, BothDatabases]
    public async Task Member_reads_the_profile_but_cannot_change_it(Db db)
    {
        var (app, scene) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.MemberA1, TerminalScene.Password);

        var profile = await client.GetFromJsonAsync<EnterpriseProfile>("/api/v1/enterprise/profile");
        var put = await client.PutAsJsonAsync("/api/v1/enterprise/profile", ValidUpdate("Taken over"));

        profile!.Id.ShouldBe(scene.EnterpriseA1);
        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await (await client.GetAsync("/enterprise")).Content.ReadAsStringAsync();
        page.ShouldNotContain("name=\"Form.NameEn\"");
        page.ShouldContain("Alpha One Culture");
    }

    [Theory, BothDatabases]
    public async Task Admin_cannot_read_or_change_another_enterprise_through_a_forged_id(Db db)
    {
        var (app, scene) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.AdminA2, TerminalScene.Password);

        var read = await client.GetAsync($"/api/v1/enterprises/{scene.EnterpriseA1}/profile");
        var write = await client.PutAsJsonAsync($"/api/v1/enterprises/{scene.EnterpriseA1}/profile", ValidUpdate("Hijacked"));
        var missing = await client.GetAsync("/api/v1/enterprises/999999/profile");

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        write.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await read.Content.ReadAsStringAsync()).ShouldNotContain("Alpha One");
        var own = await client.GetFromJsonAsync<EnterpriseProfile>($"/api/v1/enterprises/{scene.EnterpriseA2}/profile");
        own!.NameEn.ShouldBe("Alpha Two Design");
        var government = await app.SignedInAsync(TerminalScene.Government, TerminalScene.Password);
        (await government.GetFromJsonAsync<EnterpriseProfile>($"/api/v1/enterprises/{scene.EnterpriseA1}/profile"))!.NameEn.ShouldBe("Alpha One Culture");
    }

    [Theory, BothDatabases]
    public async Task A_body_naming_another_enterprise_still_edits_only_the_callers_own(Db db)
    {
        var (app, scene) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.AdminA2, TerminalScene.Password);

        var response = await client.PutAsJsonAsync("/api/v1/enterprise/profile", new
        {
            id = scene.EnterpriseA1, nameZh = "甲二设计", nameEn = "Alpha Two Design", employees = 46, tags = Array.Empty<string>(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<EnterpriseProfile>())!.Id.ShouldBe(scene.EnterpriseA2);
        var government = await app.SignedInAsync(TerminalScene.Government, TerminalScene.Password);
        (await government.GetFromJsonAsync<EnterpriseProfile>($"/api/v1/enterprises/{scene.EnterpriseA1}/profile"))!.Employees.ShouldBe(320);
    }

    [Theory, BothDatabases]
    public async Task Admin_saves_the_profile_through_the_page_form(Db db)
    {
        var (app, scene) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, TerminalScene.PageAdminB2);
        var fields = new Dictionary<string, string>
        {
            ["Form.NameZh"] = "乙二演艺", ["Form.NameEn"] = "Beta Two Stage", ["Form.DescriptionZh"] = "", ["Form.DescriptionEn"] = "Small stage.",
            ["Form.Website"] = "https://stage.example.test", ["Form.ContactEmail"] = "", ["Form.ContactPhone"] = "",
            ["Form.Employees"] = "14", ["Form.Tags"] = "theatre，drama, 戏剧",
        };

        var saved = await PortalBrowser.PostFormAsync(client, "/enterprise", "enterprise-profile", fields);
        fields["Form.Website"] = "ftp://stage.example.test";
        var refused = await PortalBrowser.PostFormAsync(client, "/enterprise", "enterprise-profile", fields);

        PortalBrowser.RedirectPath(saved).ShouldBe("/enterprise?saved=true");
        PortalBrowser.Text(await refused.Content.ReadAsStringAsync()).ShouldContain("Enter a web address starting with http:// or https://.");
        var government = await app.SignedInAsync(TerminalScene.Government, TerminalScene.Password);
        var profile = await government.GetFromJsonAsync<EnterpriseProfile>($"/api/v1/enterprises/{scene.EnterpriseB2}/profile");
        profile!.Website.ShouldBe("https://stage.example.test");
        profile.Employees.ShouldBe(12, "declared, not yet verified");
        profile.DeclaredEmployees.ShouldBe(14);
        profile.DeclaredTags.ShouldBe(["theatre", "drama", "戏剧"]);
    }
}
