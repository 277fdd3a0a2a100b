using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class PolicyApiTests
{
    [Fact]
    public async Task Invalid_rule_gets_400_with_position_and_expectation()
    {
        await using var scene = await PolicyScene.SharedAsync(Db.Sqlite);
        var gov = await scene.ClientAsync(scene.Gov);

        var response = await gov.PostAsJsonAsync("/api/v1/policies", PolicyScene.PolicyBody("employees >= 20 and headcount > 3"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("ruleError").GetProperty("position").GetInt32().ShouldBe(20);
        body.GetProperty("ruleError").GetProperty("message").GetString()!.ShouldContain("unknown field 'headcount'");
        body.GetProperty("errors").GetProperty("rule")[0].GetString()!.ShouldContain("At position 20");
        body.GetProperty("detail").GetString().ShouldBe("Check these fields: Eligibility rule.");
    }

    [Theory]
    [InlineData("level", "galactic", "Choose one of", "Level")]
    [InlineData("category", "gift", "Choose one of", "Category")]
    [InlineData("mode", "maybe", "Choose one of", "How enterprises receive it")]
    [InlineData("titleEn", "", "This field is required.", "English title")]
    [InlineData("validUntil", "2019-01-01", "must not be before its start", "Valid until")]
    [InlineData("benefitFormula", "revenue *", "The formula is not valid", "Benefit formula")]
    public async Task Invalid_policy_fields_get_400_with_the_field_key_and_its_name_in_words(string field, string value, string message, string name)
    {
        await using var scene = await PolicyScene.SharedAsync(Db.Sqlite);
        var gov = await scene.ClientAsync(scene.Gov);
        var body = JsonSerializer.SerializeToNode(PolicyScene.PolicyBody("employees > 1"), JsonSerializerOptions.Web)!.AsObject();
        body[field] = value;
        if (field == "benefitFormula") body["benefitAmountYuan"] = null;

        var response = await gov.PostAsJsonAsync("/api/v1/policies", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(message);
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldBe($"Check these fields: {name}.");
        detail.ShouldNotContain(field, Case.Sensitive, "people see the field's name in words, not its key");
    }

    [Fact]
    public async Task Invalid_policy_fields_are_explained_in_chinese_to_a_chinese_reader()
    {
        await using var scene = await PolicyScene.SharedAsync(Db.Sqlite);
        var gov = await scene.ClientAsync(scene.Gov);
        var body = JsonSerializer.SerializeToNode(PolicyScene.PolicyBody("employees > 1"), JsonSerializerOptions.Web)!.AsObject();
        body["titleEn"] = "";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/policies") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await (await gov.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        problem.GetProperty("title").GetString().ShouldBe("请求无效");
        problem.GetProperty("detail").GetString().ShouldBe("请检查以下各项：英文标题。");
        problem.GetProperty("errors").GetProperty("titleEn")[0].GetString().ShouldBe("此项为必填项。");
    }

    [Fact]
    public async Task Rule_preview_counts_eligible_enterprises_per_clause_and_samples_them()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var gov = await scene.ClientAsync(scene.Gov);

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
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);

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
        await using var scene = await PolicyScene.SharedAsync(Db.Sqlite);
        var id = await scene.PublishAsync("employees > 1");
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);

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
        await using var scene = await PolicyScene.SharedAsync(Db.Sqlite);
        var id = await scene.PublishAsync("employees > 1");
        var gov = await scene.ClientAsync(scene.Gov);
        (await gov.PostAsync($"/api/v1/policies/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await gov.DeleteAsync($"/api/v1/policies/{id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await gov.PostAsync($"/api/v1/policies/{id}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gov.GetAsync($"/api/v1/policies/{int.MaxValue}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
