using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Policies;

public sealed class PolicyApiTests
{
    [Fact]
    public async Task Invalid_rule_gets_400_with_position_and_expectation()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var gov = await scene.ClientAsync(PolicyScene.Gov);

        var response = await gov.PostAsJsonAsync("/api/v1/policies", PolicyScene.PolicyBody("employees >= 20 and headcount > 3"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("ruleError").GetProperty("position").GetInt32().ShouldBe(20);
        body.GetProperty("ruleError").GetProperty("message").GetString()!.ShouldContain("unknown field 'headcount'");
        body.GetProperty("detail").GetString()!.ShouldContain("At position 20");
    }

    [Theory]
    [InlineData("level", "galactic", "level must be one of")]
    [InlineData("category", "gift", "category must be one of")]
    [InlineData("mode", "maybe", "mode must be one of")]
    [InlineData("titleEn", "", "titleEn is required")]
    [InlineData("validUntil", "2019-01-01", "validUntil must not be before validFrom")]
    [InlineData("benefitFormula", "revenue *", "benefitFormula is not valid")]
    public async Task Invalid_policy_fields_get_400_naming_the_field(string field, string value, string expected)
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var gov = await scene.ClientAsync(PolicyScene.Gov);
        var body = JsonSerializer.SerializeToNode(PolicyScene.PolicyBody("employees > 1"), JsonSerializerOptions.Web)!.AsObject();
        body[field] = value;
        if (field == "benefitFormula") body["benefitAmountYuan"] = null;

        var response = await gov.PostAsJsonAsync("/api/v1/policies", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain(expected);
    }

    [Fact]
    public async Task Rule_preview_counts_eligible_enterprises_per_clause_and_samples_them()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var gov = await scene.ClientAsync(PolicyScene.Gov);

        var preview = await (await gov.PostAsJsonAsync("/api/v1/policies/rule-preview",
            new { rule = "category == \"digital-content\" and employees >= 40", benefitFormula = "employees * 100" })).Content.ReadFromJsonAsync<JsonElement>();

        preview.GetProperty("valid").GetBoolean().ShouldBeTrue();
        preview.GetProperty("eligible").GetInt32().ShouldBe(1);
        preview.GetProperty("total").GetInt32().ShouldBe(3);
        preview.GetProperty("sample")[0].GetProperty("id").GetInt32().ShouldBe(scene.Gamma);
        preview.GetProperty("sample")[0].GetProperty("benefitYuan").GetInt64().ShouldBe(5_000);
        preview.GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("holds").GetInt32()).ShouldBe([2, 1]);

        var broken = await (await gov.PostAsJsonAsync("/api/v1/policies/rule-preview", new { rule = "employees >=" })).Content.ReadFromJsonAsync<JsonElement>();
        broken.GetProperty("valid").GetBoolean().ShouldBeFalse();
        broken.GetProperty("error").GetProperty("position").GetInt32().ShouldBe(12);
    }

    [Fact]
    public async Task Enterprise_sees_qualifying_policies_with_reasons_and_almost_with_the_failing_clause()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var qualifying = await scene.PublishAsync("category == \"digital-content\" and revenue_growth(1) >= 0.10");
        var almost = await scene.PublishAsync("category == \"digital-content\" and employees >= 40");
        await scene.PublishAsync("category == \"arts-crafts\" and employees >= 40");
        var alpha = await scene.ClientAsync(PolicyScene.AlphaAdmin);

        var matches = await alpha.GetFromJsonAsync<JsonElement>("/api/v1/me/policies/matches");

        var qualify = matches.GetProperty("qualify").EnumerateArray().Single();
        qualify.GetProperty("policyId").GetInt32().ShouldBe(qualifying);
        qualify.GetProperty("reasons")[1].GetProperty("values")[0].GetString().ShouldBe("revenue_growth(1) = 20.0%");
        var nearly = matches.GetProperty("almost").EnumerateArray().Single();
        nearly.GetProperty("policyId").GetInt32().ShouldBe(almost);
        nearly.GetProperty("failingClause").GetProperty("clause").GetString().ShouldBe("employees >= 40");

        var explanation = await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{almost}/eligibility");
        explanation.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        explanation.GetProperty("almostClause").GetProperty("values")[0].GetString().ShouldBe("employees = 30");
    }

    [Fact]
    public async Task Full_text_markdown_is_rendered_without_raw_html_or_script_links()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync("employees > 1");
        var alpha = await scene.ClientAsync(PolicyScene.AlphaAdmin);

        var html = (await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{id}")).GetProperty("fullTextHtml").GetString()!;

        html.ShouldContain("<h1");
        html.ShouldContain("<strong>qualify</strong>");
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldNotContain("javascript:");
    }

    [Fact]
    public async Task Publishing_twice_or_deleting_a_published_policy_gets_409()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync("employees > 1");
        var gov = await scene.ClientAsync(PolicyScene.Gov);
        (await gov.PostAsync($"/api/v1/policies/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await gov.DeleteAsync($"/api/v1/policies/{id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await gov.PostAsync($"/api/v1/policies/{id}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gov.GetAsync($"/api/v1/policies/{id + 1000}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
