using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.PolicyServices;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.EnterpriseFacts;

public sealed class FactReviewTests
{
    [Theory, BothDatabases]
    public async Task Declared_employees_do_not_change_eligibility_until_the_park_approves_them(Db db)
    {
        await using var scene = await FactScene.StartAsync(db);
        var policy = await scene.Policies.PublishAsync("employees >= 40");
        var alpha = await scene.ClientAsync(scene.Policies.AlphaAdmin);

        var change = await scene.DeclareAsync(new { employees = 45, note = "Hired a studio team." }, "employees");

        var before = await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{policy}/eligibility");
        before.GetProperty("eligible").GetBoolean().ShouldBeFalse("a declared value is not used");
        var employees = FactScene.Fact(before, "employees");
        employees.GetProperty("fact").GetString().ShouldBe("employees");
        employees.GetProperty("value").GetString().ShouldBe("30");
        employees.GetProperty("provenance").GetString().ShouldBe("registered");
        employees.GetProperty("pending").GetProperty("value").GetString().ShouldBe("45");
        (await alpha.GetFromJsonAsync<JsonElement>("/api/v1/me/policies/matches")).GetProperty("qualify").GetArrayLength().ShouldBe(0);
        (await scene.MatchedPoliciesAsync(scene.Policies.Alpha)).ShouldBeEmpty();
        (await scene.NotificationsOfAsync(scene.Operator)).Count.ShouldBe(1, "the park's operator is asked to review");

        var park = await scene.ClientAsync(scene.Operator);
        var queue = await park.GetFromJsonAsync<JsonElement>("/api/v1/fact-changes?status=pending");
        queue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([change]);
        var approved = await park.PostAsync($"/api/v1/fact-changes/{change}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        (await scene.MatchedPoliciesAsync(scene.Policies.Alpha)).ShouldBe([policy], "approval decides the enterprise again at once");
        var after = await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{policy}/eligibility");
        after.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        var verified = FactScene.Fact(after, "employees");
        verified.GetProperty("value").GetString().ShouldBe("45");
        verified.GetProperty("provenance").GetString().ShouldBe("verified");
        verified.GetProperty("verifiedByRole").GetString().ShouldBe("park");
        verified.GetProperty("pending").ValueKind.ShouldBe(JsonValueKind.Null);
        var gov = await scene.ClientAsync(scene.Policies.Gov);
        (await gov.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{policy}")).GetProperty("eligibleCount").GetInt32().ShouldBe(2);
        (await scene.NotificationsOfAsync(scene.Policies.AlphaAdmin)).Single().Title.ShouldContain("Approved");
        (await scene.NotificationsOfAsync(scene.Operator)).Count.ShouldBe(2, "the park is told of the decision too");
        (await scene.Policies.DbAsync(c => Task.FromResult(c.Set<Lingjing.Server.Features.Notifications.Notification>()
            .Count(n => n.Kind == "policy" && n.DedupKey == $"policy:{policy}" && c.Users.Any(u => u.Id == n.UserId && u.EnterpriseId == scene.Policies.Alpha)))))
            .ShouldBe(1, "the newly eligible enterprise is told it qualifies");
    }

    [Theory, BothDatabases]
    public async Task Rejection_needs_a_reason_keeps_the_verified_value_and_tells_both_sides_why(Db db)
    {
        await using var scene = await FactScene.StartAsync(db);
        var change = await scene.DeclareAsync(new { tags = new[] { "high-tech", "export" } }, "tags");
        var gov = await scene.ClientAsync(scene.Policies.Gov);

        var noReason = await gov.PostAsJsonAsync($"/api/v1/fact-changes/{change}/reject", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("reason");
        var rejected = await gov.PostAsJsonAsync($"/api/v1/fact-changes/{change}/reject", new { reason = "No export licence on file." });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        (await gov.PostAsync($"/api/v1/fact-changes/{change}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "decided once");

        var facts = await (await scene.ClientAsync(scene.Policies.AlphaAdmin)).GetFromJsonAsync<JsonElement>($"/api/v1/enterprises/{scene.Policies.Alpha}/facts");
        FactScene.Fact(facts, "tags").GetProperty("value").GetString().ShouldBe("high-tech");
        FactScene.Fact(facts, "tags").GetProperty("pending").ValueKind.ShouldBe(JsonValueKind.Null);
        (await scene.NotificationsOfAsync(scene.Policies.AlphaAdmin)).Single().Body.ShouldContain("No export licence on file.");
        (await scene.NotificationsOfAsync(scene.Operator)).Last().Body.ShouldContain("No export licence on file.");

        // The refusal is in the decision record, with its reason.
        await scene.Policies.App.Service<RecordSealer>().SealAsync(CancellationToken.None);
        var recorded = (await gov.GetFromJsonAsync<JsonElement>($"/api/v1/record/entries?subject=enterprise:{scene.Policies.Alpha}"))
            .EnumerateArray().Last();
        recorded.GetProperty("kind").GetString().ShouldBe(RecordKinds.FactRejected);
        recorded.GetProperty("body").GetString()!.ShouldContain("No export licence on file.");
    }

    [Theory, BothDatabases]
    public async Task Operator_of_another_park_and_other_enterprises_get_404(Db db)
    {
        await using var scene = await FactScene.StartAsync(db);
        var change = await scene.DeclareAsync(new { employees = 31 }, "employees");
        var other = await scene.ClientAsync(scene.OtherOperator);

        (await other.GetAsync($"/api/v1/fact-changes/{change}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/fact-changes/{change}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/fact-changes/{change}/reject", new { reason = "no" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/fact-changes")).GetProperty("total").GetInt32().ShouldBe(0);
        (await other.GetAsync($"/api/v1/enterprises/{scene.Policies.Alpha}/facts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var beta = await scene.ClientAsync(scene.Policies.BetaAdmin);
        (await beta.GetAsync($"/api/v1/enterprises/{scene.Policies.Alpha}/facts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await beta.PostAsJsonAsync($"/api/v1/enterprises/{scene.Policies.Alpha}/fact-changes", new { employees = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await beta.PostAsync($"/api/v1/fact-changes/{change}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "enterprises never review");
        var own = await scene.ClientAsync(scene.Operator);
        (await own.GetFromJsonAsync<JsonElement>("/api/v1/fact-changes")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task History_records_who_declared_who_verified_when_and_the_old_and_new_value(Db db)
    {
        await using var scene = await FactScene.StartAsync(db);
        var clock = scene.App.Service<TimeProvider>();
        var start = clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var first = await scene.DeclareAsync(new { employees = 45 }, "employees");
        (await (await scene.ClientAsync(scene.Policies.Gov)).PostAsync($"/api/v1/fact-changes/{first}/approve", null)).EnsureSuccessStatusCode();
        var second = await scene.DeclareAsync(new { employees = 60 }, "employees");
        (await (await scene.ClientAsync(scene.Operator)).PostAsync($"/api/v1/fact-changes/{second}/approve", null)).EnsureSuccessStatusCode();
        var end = clock.GetUtcNow().UtcDateTime.AddSeconds(1);

        var history = await (await scene.ClientAsync(scene.Policies.AlphaAdmin))
            .GetFromJsonAsync<JsonElement>($"/api/v1/enterprises/{scene.Policies.Alpha}/facts/history?fact=employees");

        history.EnumerateArray().Select(h => (h.GetProperty("oldValue").GetString(), h.GetProperty("newValue").GetString()))
            .ShouldBe([("30", "45"), ("45", "60")]);
        history.EnumerateArray().Select(h => h.GetProperty("verifiedByRole").GetString()).ShouldBe(["government", "park"]);
        // Each person by the name they were created with (TestUsers: the address before the @).
        history.EnumerateArray().Select(h => h.GetProperty("verifiedBy").GetString()).ShouldBe([TestUsers.NameOf(scene.Policies.Gov), TestUsers.NameOf(scene.Operator)]);
        var alpha = TestUsers.NameOf(scene.Policies.AlphaAdmin);
        history.EnumerateArray().ShouldAllBe(h => h.GetProperty("declaredBy").GetString() == alpha);
        history.EnumerateArray().Select(h => h.GetProperty("changeId").GetGuid()).ShouldBe([first, second]);
        foreach (var at in history.EnumerateArray().Select(h => h.GetProperty("at").GetDateTime()))
            at.ToUniversalTime().ShouldBeInRange(start, end);
    }

    [Theory, BothDatabases]
    public async Task Declaring_again_replaces_the_pending_value_and_declaring_the_verified_value_withdraws_it(Db db)
    {
        await using var scene = await FactScene.StartAsync(db);
        var first = await scene.DeclareAsync(new { employees = 45 }, "employees");
        var second = await scene.DeclareAsync(new { employees = 50 }, "employees");
        var park = await scene.ClientAsync(scene.Operator);

        (await park.PostAsync($"/api/v1/fact-changes/{first}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await park.GetFromJsonAsync<JsonElement>("/api/v1/fact-changes")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid()).ShouldBe([second]);
        var alpha = await scene.ClientAsync(scene.Policies.AlphaAdmin);
        var back = await alpha.PostAsJsonAsync($"/api/v1/enterprises/{scene.Policies.Alpha}/fact-changes", new { employees = 30 });
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await back.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
        (await park.GetFromJsonAsync<JsonElement>("/api/v1/fact-changes")).GetProperty("total").GetInt32().ShouldBe(0);
        var bad = await alpha.PostAsJsonAsync($"/api/v1/enterprises/{scene.Policies.Alpha}/fact-changes", new { employees = -1 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("employees");
    }

    [Theory, BothDatabases]
    public async Task Application_review_shows_each_fact_the_rule_reads_with_provenance_and_date(Db db)
    {
        await using var scene = await FactScene.StartAsync(db);
        var policy = await scene.Policies.PublishAsync("employees >= 20 and has_tag(\"high-tech\")");
        var application = await PolicyScene.ApplyAsync(await scene.ClientAsync(scene.Policies.AlphaAdmin), policy);
        await scene.DeclareAsync(new { employees = 33 }, "employees");

        var detail = await (await scene.ClientAsync(scene.Policies.Gov)).GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{application}");

        // The park is read for the scene's scope (PolicyScene.Scoped); the rule's own facts follow.
        var facts = detail.GetProperty("facts").EnumerateArray().Where(f => f.GetProperty("fact").GetString() != "park").ToList();
        facts.Select(f => f.GetProperty("fact").GetString()).ShouldBe(["employees", "tags"], "the category is not read by this rule");
        facts.ShouldAllBe(f => f.GetProperty("provenance").GetString() == "registered" && f.GetProperty("since").ValueKind == JsonValueKind.String);
        facts[0].GetProperty("value").GetString().ShouldBe("30");
        facts[0].GetProperty("pending").GetProperty("value").GetString().ShouldBe("33");
        var page = await (await PortalBrowser.SignedInWithCookieAsync(scene.App, scene.Policies.Gov, TestUsers.Password))
            .GetStringAsync($"/gov/policies/applications/{application}");
        page.ShouldContain("data-fact=\"employees\" data-provenance=\"registered\"");
        page.ShouldContain("data-pending-fact=\"employees\"");
    }
}
