using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Government;

/// <summary>The government keeps the catalogue of matters: adds one (unseen until published), publishes it, changes its
/// form without touching applications already in, and is told line by line what is wrong; one number per matter, even
/// when ten officials save the same number at once.</summary>
public sealed class MatterEditingTests
{
    private static object Input(string code = "EP-101", bool published = false, object[]? form = null) => new
    {
        code, category = "event-permits", titleZh = "临时占道活动许可", titleEn = "Permit for a street event",
        departmentZh = "城市管理局", departmentEn = "City Management Bureau", conditionsZh = "活动不超过三天", conditionsEn = "The event lasts at most three days",
        legalDays = 7,
        materials = new object[] { new { key = "plan", nameZh = "活动方案", nameEn = "Event plan", required = true } },
        form = form ?? [new { key = "visitors", labelZh = "预计人数", labelEn = "Expected visitors", kind = "number", required = true }],
        certificateTitleZh = "活动许可证", certificateTitleEn = "Event permit", certificateValidYears = 1, published,
    };

    [Theory, BothDatabases]
    public async Task A_matter_is_added_unseen_published_applied_for_and_changed_without_touching_the_application_in(Db db)
    {
        await using var scene = await MatterScene.StartAsync(db);
        var (_, admin) = scene.Enterprises[0];
        var anonymous = scene.App.Anonymous();

        var created = await scene.Gov.PostAsJsonAsync("/api/v1/matters", Input());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await anonymous.GetAsync($"/api/v1/matters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not published yet");
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/matters")).EnumerateArray().Select(m => m.GetProperty("code").GetString()).ShouldBe(["IP-900"]);
        (await scene.Gov.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{id}")).GetProperty("published").GetBoolean().ShouldBeFalse();

        (await scene.Gov.PutAsJsonAsync($"/api/v1/matters/{id}", Input(published: true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{id}")).GetProperty("form").EnumerateArray().Single()
            .GetProperty("key").GetString().ShouldBe("visitors");
        var form = new MultipartFormDataContent
        {
            { new StringContent("Li Lei"), "contactName" }, { new StringContent("13800001234"), "contactPhone" },
            { new StringContent("300"), "field.visitors" },
            { new ByteArrayContent([.. "%PDF-1.4 "u8.ToArray(), .. new byte[200]]) { Headers = { ContentType = new("application/pdf") } }, "material.plan", "plan.pdf" },
        };
        var applied = await admin.PostAsync($"/api/v1/matters/{id}/applications", form);
        applied.StatusCode.ShouldBe(HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var application = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("application").GetProperty("id").GetGuid();

        // A new required field applies to the next applications; the one in keeps its answers.
        var changed = await scene.Gov.PutAsJsonAsync($"/api/v1/matters/{id}", Input(published: true, form:
        [
            new { key = "visitors", labelZh = "预计人数", labelEn = "Expected visitors", kind = "number", required = true },
            new { key = "site", labelZh = "活动地点", labelEn = "Site", kind = "text", required = true },
        ]));
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{application}");
        detail.GetProperty("matter").GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("answer").GetString()).ShouldContain("300");
        var all = await scene.Gov.GetFromJsonAsync<JsonElement>("/api/v1/matters/all");
        var row = all.EnumerateArray().Single(m => m.GetProperty("matter").GetProperty("id").GetInt32() == id);
        (row.GetProperty("applications").GetInt32(), row.GetProperty("openApplications").GetInt32()).ShouldBe((1, 1));

        // Taken out of the catalogue: nobody applies any more, the government still sees it.
        (await scene.Gov.PutAsJsonAsync($"/api/v1/matters/{id}", Input())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/api/v1/matters/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync($"/api/v1/matters/{id}/applications", new MultipartFormDataContent { { new StringContent("x"), "contactName" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await admin.PostAsJsonAsync("/api/v1/matters", Input("EP-102"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.PostAsJsonAsync("/api/v1/matters", Input("EP-102"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/v1/matters/all")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.Gov.PutAsJsonAsync("/api/v1/matters/999999", Input("EP-103"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_matter_is_refused_field_by_field_and_line_by_line_and_nothing_is_stored()
    {
        await using var scene = await MatterScene.StartAsync(Db.Sqlite);
        var bad = new
        {
            code = "ep 7", category = "parking", titleZh = "", titleEn = "Permit", departmentZh = "局", departmentEn = "Bureau",
            conditionsZh = "条件", conditionsEn = "", legalDays = 0,
            materials = new object[]
            {
                new { key = "plan", nameZh = "方案", nameEn = "Plan", required = true },
                new { key = "plan", nameZh = "方案二", nameEn = "", required = true },
            },
            form = new object[] { new { key = "Visitors!", labelZh = "人数", labelEn = "Visitors", kind = "slider", required = true } },
            certificateTitleZh = "许可证", certificateTitleEn = "", certificateValidYears = 99, published = true,
        };
        var response = await scene.Gov.PostAsJsonAsync("/api/v1/matters", bad);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(
            ["category", "certificateTitleZh", "certificateValidYears", "code", "conditionsEn", "form", "legalDays", "materials", "titleZh"]);
        string.Join(" ", errors.GetProperty("materials").EnumerateArray().Select(e => e.GetString()))
            .ShouldBe("Line 2: the key 'plan' is used twice. Line 2: a name in Chinese and in English is required.");
        string.Join(" ", errors.GetProperty("form").EnumerateArray().Select(e => e.GetString())).ShouldContain("Line 1: the kind 'slider' is not known");

        var taken = await scene.Gov.PostAsJsonAsync("/api/v1/matters", Input("IP-900"));
        taken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("code")[0].GetString()
            .ShouldBe("Another matter already has the number IP-900.");
        (await scene.Gov.GetFromJsonAsync<JsonElement>("/api/v1/matters/all")).GetArrayLength().ShouldBe(1, "nothing stored");
    }

    [Theory, BothDatabases]
    public async Task Ten_officials_saving_the_same_number_at_once_add_one_matter(Db db)
    {
        await using var scene = await MatterScene.StartAsync(db);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => scene.Gov.PostAsJsonAsync("/api/v1/matters", Input("EP-555"))));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).ShouldBe(9, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        await using var scope = scene.App.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Matter>().CountAsync(m => m.Code == "EP-555")).ShouldBe(1);
    }

    [Fact]
    public async Task The_catalogue_editor_adds_a_matter_from_its_lines_and_names_the_line_it_cannot_read()
    {
        await using var scene = await MatterScene.StartAsync(Db.Sqlite);
        var pages = await PortalBrowser.SignedInWithCookieAsync(scene.App, "matter.gov@example.test", TestUsers.Password);
        var fields = new Dictionary<string, string>
        {
            ["Form.Code"] = "TL-010", ["Form.Category"] = "talent", ["Form.TitleZh"] = "人才公寓申请", ["Form.TitleEn"] = "Talent apartment",
            ["Form.DepartmentZh"] = "人才办", ["Form.DepartmentEn"] = "Talent Office", ["Form.ConditionsZh"] = "在园区工作", ["Form.ConditionsEn"] = "Works in the zone",
            ["Form.LegalDays"] = "15", ["Form.Materials"] = "contract | 劳动合同 | Employment contract\nid-card | 身份证 | Identity card | optional",
            ["Form.Form"] = "household | 家庭人数 | Household size | number\nmovein | 入住日期 | Move-in date | date | optional", ["Form.Published"] = "true",
        };
        var broken = new Dictionary<string, string>(fields) { ["Form.Form"] = "household | 家庭人数 | Household size | number\nmovein, 入住日期" };
        var refused = await PortalBrowser.PostFormAsync(pages, "/gov/matters/new", "matter-editor", broken);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalBrowser.Text(await refused.Content.ReadAsStringAsync()).ShouldContain("Line 2: write \"key | 中文标签 | English label | kind\"");
        (await scene.Gov.GetFromJsonAsync<JsonElement>("/api/v1/matters/all")).GetArrayLength().ShouldBe(1, "nothing stored");

        var saved = await PortalBrowser.PostFormAsync(pages, "/gov/matters/new", "matter-editor", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        PortalBrowser.RedirectPath(saved).ShouldBe("/gov/matters?saved=TL-010");
        var matter = (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/matters?category=talent")).EnumerateArray().Single();
        matter.GetProperty("materials").EnumerateArray().Select(m => (m.GetProperty("key").GetString(), m.GetProperty("required").GetBoolean()))
            .ShouldBe([("contract", true), ("id-card", false)]);
        matter.GetProperty("form").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ShouldBe(["number", "date"]);
        matter.GetProperty("certificateTitleZh").ValueKind.ShouldBe(JsonValueKind.Null);

        var list = await pages.GetStringAsync("/gov/matters?saved=TL-010");
        list.ShouldContain("data-matter-row=\"TL-010\"");
        list.ShouldContain("data-testid=\"matter-saved\"");
        var editor = PortalBrowser.Text(await pages.GetStringAsync($"/gov/matters/{matter.GetProperty("id").GetInt32()}/edit"));
        editor.ShouldContain("id-card | 身份证 | Identity card | optional", Case.Sensitive, "the lines read back as they were written");
        (await pages.GetAsync("/gov/matters/999999/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        PortalBrowser.Text(await (await pages.GetAsync("/gov/matters/999999/edit")).Content.ReadAsStringAsync()).ShouldContain("Matter not found");
    }
}
