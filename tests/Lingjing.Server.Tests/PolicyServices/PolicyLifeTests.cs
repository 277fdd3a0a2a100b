using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>Open, upcoming and closed policies, with dates computed from the app's own clock.</summary>
public sealed class PolicyLifeTests
{
    private const string AlphaQualifies = "employees >= 20 and has_tag(\"high-tech\")";

    private sealed record Dated(int Open, int Upcoming, int Closed);

    private static async Task<Dated> PublishThreeAsync(PolicyScene scene)
    {
        var today = scene.App.Service<PolicyCalendar>().Today();
        return new Dated(
            await PublishAsync(scene, "Open award", today.AddDays(-10), today.AddDays(100), today.AddDays(30)),
            await PublishAsync(scene, "Upcoming award", today.AddDays(5), today.AddDays(100), today.AddDays(60)),
            await PublishAsync(scene, "Closed award", today.AddDays(-100), today.AddDays(100), today.AddDays(-1)));
    }

    private static async Task<int> PublishAsync(PolicyScene scene, string title, DateOnly from, DateOnly until, DateOnly deadline)
    {
        var body = JsonSerializer.SerializeToNode(PolicyScene.PolicyBody(scene.Scoped(AlphaQualifies), title: title))!.AsObject();
        body["validFrom"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["validUntil"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["applicationDeadline"] = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var gov = await scene.ClientAsync(scene.Gov);
        var created = await gov.PostAsJsonAsync("/api/v1/policies", body);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await gov.PostAsync($"/api/v1/policies/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    [Theory, BothDatabases]
    public async Task Only_open_policies_are_offered_and_upcoming_ones_are_listed_with_their_opening_day(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var policies = await PublishThreeAsync(scene);

        var matches = await (await scene.ClientAsync(scene.AlphaAdmin)).GetFromJsonAsync<JsonElement>("/api/v1/me/policies/matches");

        matches.GetProperty("qualify").EnumerateArray().Select(m => m.GetProperty("policyId").GetInt32()).ShouldBe([policies.Open]);
        var upcoming = matches.GetProperty("upcoming").EnumerateArray().Single();
        upcoming.GetProperty("policyId").GetInt32().ShouldBe(policies.Upcoming);
        upcoming.GetProperty("opensOn").GetString().ShouldBe(scene.App.Service<PolicyCalendar>().Today().AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var page = await (await Terminals.PortalBrowser.SignedInWithCookieAsync(scene.App, scene.AlphaAdmin, TestUsers.Password))
            .GetStringAsync($"/enterprise/policies/{policies.Closed}");
        page.ShouldContain("data-policy-stage=\"closed\"");
        page.ShouldNotContain("data-apply-form");
    }

    [Theory, BothDatabases]
    public async Task Applications_to_an_upcoming_or_closed_policy_are_refused_with_the_date(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var policies = await PublishThreeAsync(scene);
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        var today = scene.App.Service<PolicyCalendar>().Today();

        var early = await alpha.PostAsync($"/api/v1/policies/{policies.Upcoming}/applications", PolicyScene.ApplicationForm());
        var late = await alpha.PostAsync($"/api/v1/policies/{policies.Closed}/applications", PolicyScene.ApplicationForm());

        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe($"This policy is not open yet: applications open on {today.AddDays(5):yyyy-MM-dd}.");
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe($"This policy is closed: applications closed on {today.AddDays(-1):yyyy-MM-dd}.");
        await PolicyScene.ApplyAsync(alpha, policies.Open);
    }

    [Theory, BothDatabases]
    public async Task The_catalogue_filters_by_stage_and_gives_each_policy_its_dates(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var policies = await PublishThreeAsync(scene);
        var client = await scene.ClientAsync(scene.BetaAdmin);

        async Task<int[]> Ids(string stage) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/policies?stage={stage}")).GetProperty("items").EnumerateArray()
                .Select(p => p.GetProperty("id").GetInt32()).ToArray();

        (await Ids("open")).ShouldBe([policies.Open]);
        (await Ids("upcoming")).ShouldBe([policies.Upcoming]);
        (await Ids("closed")).ShouldBe([policies.Closed]);
        var closed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{policies.Closed}");
        closed.GetProperty("stage").GetString().ShouldBe("closed");
        closed.GetProperty("closesOn").GetString().ShouldBe(scene.App.Service<PolicyCalendar>().Today().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var bad = await client.GetAsync("/api/v1/policies?stage=soon");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>())!.Errors["stage"]
            .ShouldHaveSingleItem().ShouldContain("open, upcoming, closed");
    }

    [Theory, BothDatabases]
    public async Task The_public_catalogue_needs_no_sign_in_and_words_the_conditions_in_english_and_chinese(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var policies = await PublishThreeAsync(scene);
        var gov = await scene.ClientAsync(scene.Gov);
        (await gov.PostAsJsonAsync("/api/v1/policies", PolicyScene.PolicyBody("employees >= 1", title: "Draft only"))).EnsureSuccessStatusCode();
        var anonymous = scene.App.Anonymous();

        var all = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/policies");
        all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())
            .ShouldBe([policies.Open, policies.Upcoming, policies.Closed], "open first, then upcoming, then closed; drafts never");
        var open = all.GetProperty("items")[0];
        open.GetProperty("stage").GetString().ShouldBe("open");
        open.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("en").GetString()).ShouldBe(["employees at least 20", "recognised as “high-tech enterprise”"]);
        open.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("zh").GetString()).ShouldBe(["员工人数不低于20", "具有“高新技术企业”资质"]);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/policies?stage=upcoming")).GetProperty("total").GetInt32().ShouldBe(1);
        (await anonymous.GetAsync("/api/v1/public/policies?stage=later")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var page = await anonymous.GetAsync("/policies?stage=open");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("employees at least 20");
        html.ShouldContain($"data-public-policy=\"{policies.Open}\"");
        html.ShouldNotContain($"data-public-policy=\"{policies.Closed}\"");
    }
}
