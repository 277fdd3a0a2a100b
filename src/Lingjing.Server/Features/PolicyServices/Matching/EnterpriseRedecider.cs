using Lingjing.Server.Features.EnterpriseFacts;
using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Decides one enterprise again against every published policy after its verified facts
/// changed, without a full rematch: its profile as one row of a <see cref="ProfileTable"/> through the
/// same compiled rules, the difference written to <c>policy_matches</c> and the eligible counts,
/// no-application entitlements granted, and the newly eligible notified. The one place that re-decides
/// an enterprise; the scheduled rematch later finds nothing left to change.</summary>
public sealed class EnterpriseRedecider(
    LingjingDbContext db, ProfileSnapshotCache profiles, ProfileLoader loader, CompiledRuleCache rules, PolicyPush push, TimeProvider time,
    PolicyMatchingGate gate)
    : IVerifiedFactsListener
{
    public Task VerifiedFactsChangedAsync(int enterpriseId, CancellationToken ct) => RedecideAsync(enterpriseId, ct);

    /// <returns>The policies the enterprise became and stopped being eligible for.</returns>
    public async Task<(IReadOnlyList<int> NowEligible, IReadOnlyList<int> NoLongerEligible)> RedecideAsync(int enterpriseId, CancellationToken ct)
    {
        await using var turn = await gate.EnterAsync(ct);
        var profile = await loader.LoadOneAsync(enterpriseId, ct);
        if (profile is null) return ([], []);
        // Parks and tags rarely change; the enterprise's own profile is read now.
        var vocabulary = (await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct)).Vocabulary;
        var row = ProfileTable.Build([profile], vocabulary);
        var published = await db.Set<Policy>().Where(p => p.Status == PolicyStatus.Published).OrderBy(p => p.Id).ToListAsync(ct);
        var matching = published.Where(p => Holds(p, row)).ToList();
        var stored = (await db.Set<PolicyMatch>().Where(m => m.EnterpriseId == enterpriseId).Select(m => m.PolicyId).ToListAsync(ct)).ToHashSet();
        var added = matching.Where(p => !stored.Contains(p.Id)).ToList();
        var removed = stored.Where(id => matching.All(p => p.Id != id)).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var applied = (await db.Set<PolicyApplication>().Where(a => a.EnterpriseId == enterpriseId).Select(a => a.PolicyId).ToListAsync(ct)).ToHashSet();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (removed.Count > 0)
            {
                await db.Set<PolicyMatch>().Where(m => m.EnterpriseId == enterpriseId && removed.Contains(m.PolicyId)).ExecuteDeleteAsync(ct);
                await db.Set<Policy>().Where(p => removed.Contains(p.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.EligibleCount, p => p.EligibleCount - 1).SetProperty(p => p.MatchedAt, now), ct);
            }
            foreach (var policy in added)
            {
                db.Add(new PolicyMatch { PolicyId = policy.Id, EnterpriseId = enterpriseId, MatchedAt = now });
                if (policy.Mode == PolicyModes.Automatic && !applied.Contains(policy.Id))
                {
                    var (entitlement, entry) = Entitlements.Grant(policy, PolicyRule.Parse(policy.Rule, vocabulary), profile, vocabulary, now);
                    db.Add(entitlement);
                    db.Add(entry);
                }
            }
            if (added.Count > 0)
            {
                var ids = added.Select(p => p.Id).ToList();
                await db.Set<Policy>().Where(p => ids.Contains(p.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.EligibleCount, p => p.EligibleCount + 1).SetProperty(p => p.MatchedAt, now), ct);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        foreach (var policy in added)
            await push.NewlyEligibleAsync(policy, [enterpriseId], ct);
        return (added.Select(p => p.Id).ToList(), removed);
    }

    private bool Holds(Policy policy, ProfileTable row)
    {
        try
        {
            return rules.Get(policy.Rule, row.Vocabulary).Test(row, 0);
        }
        catch (RuleSyntaxException)
        {
            return false; // a rule that no longer checks against the zone matches nobody, as in a full rematch
        }
    }
}
