using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.PolicyServices;

[Collection(DemoZoneCollection.Name)]
public sealed class DemoPolicyTests(DemoZoneFixture zone)
{
    [Fact]
    public async Task Demo_has_120_policies_across_categories_levels_and_modes_with_applications_in_every_state()
    {
        var app = await zone.App(Db.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        // Browser tests in the same collection may publish policies of their own: look at the seeded ones.
        var policies = await db.Set<Policy>().AsNoTracking().Where(p => !p.TitleEn.StartsWith("Browser test")).ToListAsync();

        policies.Count.ShouldBe(120);
        policies.Select(p => p.Category).Distinct().Order().ShouldBe(["entitlement", "grant", "qualification", "reduction"]);
        policies.Select(p => p.Level).Distinct().Order().ShouldBe(["district", "municipal", "national", "zone"]);
        policies.Select(p => p.Mode).Distinct().Order().ShouldBe(["apply", "automatic"]);
        policies.Select(p => p.TitleEn).Distinct().Count().ShouldBe(120, "titles are distinct");
        policies.Where(p => p.Status == PolicyStatus.Published).ShouldAllBe(p => p.MatchedAt != null);
        policies.Count(p => p.Status == PolicyStatus.Published && p.EligibleCount > 0).ShouldBeGreaterThan(80);

        var states = await db.Set<PolicyApplication>().Where(a => !a.Automatic).Select(a => a.Status).Distinct().ToListAsync();
        states.Order().ShouldBe(["approved", "paid", "rejected", "submitted", "under_review"]);
        var entitlements = await db.Set<PolicyApplication>().CountAsync(a => a.Automatic && a.RuleAudit != null);
        entitlements.ShouldBeGreaterThan(100);
        entitlements.ShouldBeLessThan(30_000, "no-application policies are targeted, not for everyone");
    }

    [Fact]
    public async Task Stored_matches_of_demo_policies_equal_brute_force_evaluation_of_every_profile()
    {
        var app = await zone.App(Db.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var snapshot = await scope.ServiceProvider.GetRequiredService<ProfileLoader>().LoadAsync(CancellationToken.None);
        var evaluator = new RuleEvaluator(snapshot.Vocabulary);
        var policies = await db.Set<Policy>().AsNoTracking().Where(p => p.Status == PolicyStatus.Published).OrderBy(p => p.Id).Take(12).ToListAsync();

        foreach (var policy in policies)
        {
            var rule = PolicyRule.Parse(policy.Rule, snapshot.Vocabulary);
            var expected = snapshot.Profiles.Where(p => evaluator.Matches(rule, p)).Select(p => p.Id).ToList();
            var stored = await db.Set<PolicyMatch>().Where(m => m.PolicyId == policy.Id).OrderBy(m => m.EnterpriseId).Select(m => m.EnterpriseId).ToListAsync();
            stored.ShouldBe(expected, policy.Rule);
        }
    }

    [Fact]
    public async Task Demo_enterprise_sees_matches_and_government_sees_the_queue()
    {
        var app = await zone.App(Db.Sqlite);
        var enterprise = await app.SignedInAsync(DemoAccounts.EnterpriseAdmin(1));
        var matches = await enterprise.GetFromJsonAsync<JsonElement>("/api/v1/me/policies/matches");
        (matches.GetProperty("qualify").GetArrayLength() + matches.GetProperty("almost").GetArrayLength()).ShouldBeGreaterThan(0);

        var gov = await app.SignedInAsync(DemoAccounts.Government);
        var queue = await gov.GetFromJsonAsync<JsonElement>("/api/v1/policies/applications?status=submitted&pageSize=5");
        queue.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }
}
