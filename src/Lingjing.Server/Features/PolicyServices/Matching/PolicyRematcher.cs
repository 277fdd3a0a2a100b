using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Brings the stored matches of policies up to date with their rules: computes the matching
/// enterprises with the compiled rule, writes only the difference to <c>policy_matches</c>, grants
/// no-application policies' entitlements (with the rule's explanation as the audit record) to newly
/// eligible enterprises, and returns who became eligible so they can be notified.</summary>
public sealed class PolicyRematcher(
    LingjingDbContext db, BulkWriter bulk, CompiledRuleCache rules, ProfileSnapshotCache profiles, TimeProvider time, PolicyMatchingGate gate)
{
    private const int DeleteChunk = 2_000;

    public async Task<RematchOutcome> RematchAsync(Policy policy, CancellationToken ct)
    {
        await using var turn = await gate.EnterAsync(ct);
        var snapshot = await profiles.FreshAsync(ct);
        var matching = policy.Status == PolicyStatus.Published
            ? rules.Get(policy.Rule, snapshot.Vocabulary).MatchingIds(snapshot.Table)
            : [];
        return await StoreAsync(policy, matching, snapshot, ct);
    }

    /// <summary>Rematches every published policy against one fresh snapshot, all rules in parallel.</summary>
    public async Task<IReadOnlyList<RematchOutcome>> RematchAllAsync(CancellationToken ct)
    {
        await using var turn = await gate.EnterAsync(ct);
        var snapshot = await profiles.FreshAsync(ct);
        var published = await db.Set<Policy>().Where(p => p.Status == PolicyStatus.Published).OrderBy(p => p.Id).ToListAsync(ct);
        var compiled = rules.GetAll(published.Select(p => p.Rule).ToList(), snapshot.Vocabulary);
        var matches = PolicyMatcher.MatchAll(compiled, snapshot.Table);

        // All stored matches in one read rather than one query per policy.
        var storedAll = (await db.Set<PolicyMatch>().AsNoTracking().Select(m => new { m.PolicyId, m.EnterpriseId }).ToListAsync(ct))
            .ToLookup(m => m.PolicyId, m => m.EnterpriseId);
        var outcomes = new List<RematchOutcome>();
        for (var i = 0; i < published.Count; i++)
            outcomes.Add(await StoreAsync(published[i], matches[i], snapshot, ct, storedAll[published[i].Id].ToList(), deferCount: true));

        // The eligible counts in one transaction (one commit instead of one per policy).
        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var policy in published)
                await db.Set<Policy>().Where(p => p.Id == policy.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.EligibleCount, policy.EligibleCount).SetProperty(p => p.MatchedAt, now), ct);
            await transaction.CommitAsync(ct);
        }
        profiles.AllMatchedFingerprint = snapshot.Fingerprint;
        return outcomes;
    }

    private async Task<RematchOutcome> StoreAsync(
        Policy policy, int[] matching, ProfileSnapshot snapshot, CancellationToken ct, List<int>? storedMatches = null, bool deferCount = false)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stored = storedMatches ?? await db.Set<PolicyMatch>().Where(m => m.PolicyId == policy.Id).Select(m => m.EnterpriseId).ToListAsync(ct);
        var storedSet = stored.ToHashSet();
        var matchingSet = matching.ToHashSet();
        var added = matching.Where(id => !storedSet.Contains(id)).ToList();
        var removed = stored.Where(id => !matchingSet.Contains(id)).ToList();

        foreach (var chunk in removed.Chunk(DeleteChunk))
            await db.Set<PolicyMatch>().Where(m => m.PolicyId == policy.Id && chunk.Contains(m.EnterpriseId)).ExecuteDeleteAsync(ct);

        var entitlements = new List<PolicyApplication>();
        var events = new List<ApplicationEvent>();
        if (policy.Mode == PolicyModes.Automatic && added.Count > 0)
        {
            var applied = (await db.Set<PolicyApplication>().Where(a => a.PolicyId == policy.Id).Select(a => a.EnterpriseId).ToListAsync(ct)).ToHashSet();
            var rule = PolicyRule.Parse(policy.Rule, snapshot.Vocabulary);
            foreach (var enterpriseId in added.Where(id => !applied.Contains(id)))
            {
                var (entitlement, entry) = Entitlements.Grant(policy, rule, snapshot.Find(enterpriseId)!, snapshot.Vocabulary, now);
                entitlements.Add(entitlement);
                events.Add(entry);
            }
        }

        if (added.Count > 0 || entitlements.Count > 0)
        {
            await using var session = await bulk.BeginAsync(ct);
            await session.WriteAsync(BulkTable<PolicyMatch>.FromModel(db),
                added.Select(id => new PolicyMatch { PolicyId = policy.Id, EnterpriseId = id, MatchedAt = now }), cancellationToken: ct);
            if (entitlements.Count > 0)
            {
                await session.WriteAsync(BulkTable<PolicyApplication>.FromModel(db), entitlements, cancellationToken: ct);
                await session.WriteAsync(BulkTable<ApplicationEvent>.FromModel(db), events, cancellationToken: ct);
            }
            await session.CommitAsync(ct);
        }

        if (!deferCount)
            await db.Set<Policy>().Where(p => p.Id == policy.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.EligibleCount, matching.Length).SetProperty(p => p.MatchedAt, now), ct);
        policy.EligibleCount = matching.Length;
        policy.MatchedAt = now;
        return new RematchOutcome(policy.Id, matching.Length, added, removed.Count, entitlements.Count);
    }
}
