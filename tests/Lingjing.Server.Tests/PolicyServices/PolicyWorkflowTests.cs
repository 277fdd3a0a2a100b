using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class PolicyWorkflowTests
{
    private const string DigitalRule = "category == \"digital content\" and employees >= 20";

    [Theory, BothDatabases]
    public async Task Publishing_stores_matches_rematches_on_edit_and_notifies_each_enterprise_once(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var id = await scene.PublishAsync(DigitalRule);

        (await Matches(scene, id)).ShouldBe([scene.Alpha, scene.Gamma]);
        (await NotificationsOf(scene, scene.Alpha)).ShouldBe(1);
        (await NotificationsOf(scene, scene.Beta)).ShouldBe(0);

        var gov = await scene.ClientAsync(scene.Gov);
        var edited = await gov.PutAsJsonAsync($"/api/v1/policies/{id}", PolicyScene.PolicyBody(scene.Scoped("employees >= 10 and has_tag(\"high-tech\") or category == \"creative-design\"")));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eligibleCount").GetInt32().ShouldBe(2);

        (await Matches(scene, id)).ShouldBe([scene.Alpha, scene.Beta]);
        (await NotificationsOf(scene, scene.Alpha)).ShouldBe(1, "one notification per policy, however often it is rematched");
        (await NotificationsOf(scene, scene.Beta)).ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task Application_goes_submitted_review_approved_paid_with_a_timeline(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var id = await scene.PublishAsync(DigitalRule);
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        var gov = await scene.ClientAsync(scene.Gov);
        var application = await PolicyScene.ApplyAsync(alpha, id, ("licence.pdf", PolicyScene.Pdf()));

        (await gov.PostAsync($"/api/v1/policies/applications/{application}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "approve before review");
        (await gov.PostAsync($"/api/v1/policies/applications/{application}/start-review", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gov.PostAsync($"/api/v1/policies/applications/{application}/start-review", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "review twice");
        (await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/pay", new { amountYuan = 100_000 })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "pay before approval");
        (await gov.PostAsync($"/api/v1/policies/applications/{application}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/reject", new { reason = "late" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "reject after approval");
        (await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/pay", new { amountYuan = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var paid = await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/pay", new { amountYuan = 100_000, paidOn = "2026-01-15" });
        paid.StatusCode.ShouldBe(HttpStatusCode.OK, await paid.Content.ReadAsStringAsync());
        (await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/pay", new { amountYuan = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "paid twice");

        var detail = await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{application}");
        detail.GetProperty("application").GetProperty("status").GetString().ShouldBe("paid");
        detail.GetProperty("application").GetProperty("amountYuan").GetInt64().ShouldBe(100_000);
        detail.GetProperty("application").GetProperty("paidOn").GetString().ShouldBe("2026-01-15");
        detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString())
            .ShouldBe(["submitted", "under_review", "approved", "paid"]);
        detail.GetProperty("materials")[0].GetProperty("fileName").GetString().ShouldBe("licence.pdf");
        (await NotificationsOf(scene, scene.Alpha, "policy-application")).ShouldBe(3);

        // The decisions that decide money are in the decision record, sealed into its chain.
        await scene.App.Service<RecordSealer>().SealAsync(CancellationToken.None);
        var recorded = await gov.GetFromJsonAsync<JsonElement>($"/api/v1/record/entries?subject=application:{application}");
        recorded.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe([RecordKinds.ApplicationApproved, RecordKinds.PayoutMade]);
        recorded.EnumerateArray().ShouldAllBe(e => e.GetProperty("seq").ValueKind == JsonValueKind.Number);
        recorded[1].GetProperty("body").GetString()!.ShouldContain("\"amountYuan\":100000");
        (await gov.GetFromJsonAsync<JsonElement>($"/api/v1/record/entries?subject=policy:{id}"))[0].GetProperty("kind").GetString()
            .ShouldBe(RecordKinds.PolicyPublished);
    }

    [Theory, BothDatabases]
    public async Task Rejection_needs_a_reason_and_ends_the_application(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var id = await scene.PublishAsync(DigitalRule);
        var gov = await scene.ClientAsync(scene.Gov);
        var application = await PolicyScene.ApplyAsync(await scene.ClientAsync(scene.GammaAdmin), id);
        (await gov.PostAsync($"/api/v1/policies/applications/{application}/reject", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "reject before review");
        (await gov.PostAsync($"/api/v1/policies/applications/{application}/start-review", null)).EnsureSuccessStatusCode();

        var noReason = await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/reject", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("reason");
        (await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/reject", new { reason = "Revenue evidence missing." })).EnsureSuccessStatusCode();

        (await gov.PostAsync($"/api/v1/policies/applications/{application}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/pay", new { amountYuan = 5 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = await gov.GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{application}");
        detail.GetProperty("application").GetProperty("rejectionReason").GetString().ShouldBe("Revenue evidence missing.");
    }

    [Theory, BothDatabases]
    public async Task Second_application_to_same_policy_gets_409_and_ineligible_enterprises_get_409(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var id = await scene.PublishAsync(DigitalRule);
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        await PolicyScene.ApplyAsync(alpha, id);

        var second = await alpha.PostAsync($"/api/v1/policies/{id}/applications", PolicyScene.ApplicationForm());
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("already applied");

        var beta = await (await scene.ClientAsync(scene.BetaAdmin)).PostAsync($"/api/v1/policies/{id}/applications", PolicyScene.ApplicationForm());
        beta.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var refusal = (await beta.Content.ReadFromJsonAsync<Problem>())!.Detail!;
        refusal.ShouldStartWith("Your enterprise does not meet the policy's conditions: ");
        refusal.ShouldContain("20", customMessage: "the missed condition, in words");
        refusal.ShouldNotContain(">=", customMessage: "people do not read the rule language");
    }

    [Theory, BothDatabases]
    public async Task No_application_policy_grants_approved_entitlements_with_an_audit_record(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var id = await scene.PublishAsync("has_tag(\"high-tech\") or employees >= 40", mode: "automatic", amount: null, formula: "employees * 1000");

        var entitlements = await scene.DbAsync(c => c.Set<PolicyApplication>().Where(a => a.PolicyId == id).OrderBy(a => a.EnterpriseId).ToListAsync());
        entitlements.Select(a => a.EnterpriseId).ShouldBe([scene.Alpha, scene.Gamma]);
        entitlements.ShouldAllBe(a => a.Status == "approved" && a.Automatic);
        entitlements.Select(a => a.AmountYuan).ShouldBe([30_000L, 50_000L]);
        var audit = JsonDocument.Parse(entitlements[0].RuleAudit!).RootElement;
        audit.GetProperty("Rule").GetString().ShouldBe(scene.Scoped("has_tag(\"high-tech\") or employees >= 40"));
        audit.GetProperty("Result").GetProperty("Eligible").GetBoolean().ShouldBeTrue();

        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        (await alpha.PostAsync($"/api/v1/policies/{id}/applications", PolicyScene.ApplicationForm())).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var mine = await alpha.GetFromJsonAsync<JsonElement>("/api/v1/me/policies/applications");
        mine[0].GetProperty("automatic").GetBoolean().ShouldBeTrue();
        var timeline = await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{mine[0].GetProperty("id").GetGuid()}");
        timeline.GetProperty("audit").GetProperty("result").GetProperty("clauses").GetArrayLength().ShouldBe(2, "the rule's condition and the scene's park");
    }

    [Theory, BothDatabases]
    public async Task Funnel_counts_eligible_applied_approved_and_paid(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var id = await scene.PublishAsync(DigitalRule);
        var gov = await scene.ClientAsync(scene.Gov);
        var a = await PolicyScene.ApplyAsync(await scene.ClientAsync(scene.AlphaAdmin), id);
        await PolicyScene.ApplyAsync(await scene.ClientAsync(scene.GammaAdmin), id);
        (await gov.PostAsync($"/api/v1/policies/applications/{a}/start-review", null)).EnsureSuccessStatusCode();
        (await gov.PostAsync($"/api/v1/policies/applications/{a}/approve", null)).EnsureSuccessStatusCode();
        (await gov.PostAsJsonAsync($"/api/v1/policies/applications/{a}/pay", new { amountYuan = 80_000 })).EnsureSuccessStatusCode();

        var funnel = await gov.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{id}/funnel");
        (funnel.GetProperty("eligible").GetInt32(), funnel.GetProperty("applied").GetInt32(), funnel.GetProperty("approved").GetInt32(), funnel.GetProperty("paid").GetInt32())
            .ShouldBe((2, 2, 1, 1));
        funnel.GetProperty("paidAmountYuan").GetInt64().ShouldBe(80_000);

        var queue = await gov.GetFromJsonAsync<JsonElement>("/api/v1/policies/applications?status=submitted");
        queue.GetProperty("total").GetInt32().ShouldBe(1);
        (await gov.GetAsync("/api/v1/policies/applications?status=bogus")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var analytics = await gov.GetFromJsonAsync<JsonElement>("/api/v1/policies/analytics");
        analytics.GetProperty("paid").GetInt32().ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task Changed_enterprise_profiles_are_rematched_by_the_scheduler(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db, new Dictionary<string, string?> { ["Lingjing:Policies:RematchIntervalMinutes"] = "0.02" });
        var id = await scene.PublishAsync("employees >= 40");
        (await Matches(scene, id)).ShouldBe([scene.Gamma]);

        // Two runs from here: the second starts after the change, whatever the first saw.
        var runs = scene.App.Service<PolicyRematchScheduler>().WaitForRunsAsync(2);
        await scene.DbAsync(c => c.Set<Lingjing.Server.Features.Zone.Enterprise>().Where(e => e.Id == scene.Beta)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Employees, 45).SetProperty(e => e.UpdatedAt, TestClock.Now.UtcDateTime.AddMinutes(1))));

        await runs.WaitAsync(TimeSpan.FromSeconds(60));
        (await Matches(scene, id)).ShouldBe([scene.Beta, scene.Gamma]);
        (await NotificationsOf(scene, scene.Beta)).ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task Rematch_all_picks_up_changed_profiles_and_reports_the_difference(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var id = await scene.PublishAsync("employees >= 40");
        await scene.PublishAsync("category == \"creative-design\"");
        await scene.DbAsync(c => c.Set<Lingjing.Server.Features.Zone.Enterprise>().Where(e => e.Id == scene.Gamma)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Employees, 12).SetProperty(e => e.UpdatedAt, TestClock.Now.UtcDateTime.AddMinutes(1))));
        var gov = await scene.ClientAsync(scene.Gov);

        var summary = await (await gov.PostAsync("/api/v1/policies/rematch", null)).Content.ReadFromJsonAsync<JsonElement>();

        summary.GetProperty("policies").GetInt32().ShouldBe(2);
        summary.GetProperty("noLongerEligible").GetInt32().ShouldBe(1);
        summary.GetProperty("eligible").GetInt32().ShouldBe(1, "Beta for the design policy; nobody has 40 employees now");
        (await Matches(scene, id)).ShouldBeEmpty();
        (await gov.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{id}")).GetProperty("eligibleCount").GetInt32().ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Policies_published_while_every_policy_is_rematched_store_each_match_once(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var gov = await scene.ClientAsync(scene.Gov);
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var created = await gov.PostAsJsonAsync("/api/v1/policies", PolicyScene.PolicyBody(scene.Scoped("employees >= 40"), mode: i % 2 == 0 ? "automatic" : "apply"));
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }

        // Each publication races two full rematches (the scheduler's, a government's click), all at once.
        var answers = await Task.WhenAll(ids.SelectMany(id => new[]
        {
            gov.PostAsync($"/api/v1/policies/{id}/publish", null), gov.PostAsync("/api/v1/policies/rematch", null), gov.PostAsync("/api/v1/policies/rematch", null),
        }));

        answers.ShouldAllBe(a => a.IsSuccessStatusCode, string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        foreach (var id in ids) (await Matches(scene, id)).ShouldBe([scene.Gamma]);
        (await scene.DbAsync(c => c.Set<PolicyApplication>().CountAsync(a => a.PolicyId != null && ids.Contains(a.PolicyId.Value)))).ShouldBe(3, "one entitlement per automatic policy");
    }

    private static Task<List<int>> Matches(PolicyScene scene, int policyId) =>
        scene.DbAsync(c => c.Set<PolicyMatch>().Where(m => m.PolicyId == policyId).OrderBy(m => m.EnterpriseId).Select(m => m.EnterpriseId).ToListAsync());

    private static Task<int> NotificationsOf(PolicyScene scene, int enterpriseId, string kind = "policy") =>
        scene.DbAsync(c => (from n in c.Set<Notification>()
                            join u in c.Users on n.UserId equals u.Id
                            where u.EnterpriseId == enterpriseId && n.Kind == kind
                            select n).CountAsync());
}
