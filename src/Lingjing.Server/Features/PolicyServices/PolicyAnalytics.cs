using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Funnels of policies for government: eligible (stored matches) → applied → approved → paid, and amounts.</summary>
public sealed class PolicyAnalytics(LingjingDbContext db)
{
    public async Task<PolicyFunnel?> FunnelAsync(int policyId, CancellationToken ct) =>
        (await FunnelsAsync(policyId, ct)).SingleOrDefault();

    /// <summary>The stages of one policy's funnel, or of all policies together; empty when nothing happened yet, null for an unknown policy.</summary>
    public async Task<List<FunnelStage>?> FunnelStagesAsync(int? policyId, CancellationToken ct)
    {
        var funnels = await FunnelsAsync(policyId, ct);
        if (policyId is not null && funnels.Count == 0) return null;
        List<FunnelStage> stages =
        [
            new("eligible", funnels.Sum(f => f.Eligible), 0),
            new("applied", funnels.Sum(f => f.Applied), 0),
            new("approved", funnels.Sum(f => f.Approved), funnels.Sum(f => f.ApprovedAmountYuan)),
            new("paid", funnels.Sum(f => f.Paid), funnels.Sum(f => f.PaidAmountYuan)),
        ];
        return stages.All(s => s.Count == 0) ? [] : stages;
    }

    public async Task<PolicyAnalyticsView> OverviewAsync(int top, CancellationToken ct)
    {
        var funnels = await FunnelsAsync(null, ct);
        var published = await db.Set<Policy>().CountAsync(p => p.Status == PolicyStatus.Published, ct);
        var categories = PolicyCategories.All.Select(c =>
        {
            var rows = funnels.Where(f => f.Category == c.Code).ToList();
            return new CategoryFunnel(c.Code, rows.Sum(f => f.Eligible), rows.Sum(f => f.Applied), rows.Sum(f => f.Approved), rows.Sum(f => f.Paid), rows.Sum(f => f.PaidAmountYuan));
        }).ToList();
        return new PolicyAnalyticsView(funnels.Count, published,
            funnels.Sum(f => f.Eligible), funnels.Sum(f => f.Applied), funnels.Sum(f => f.Approved), funnels.Sum(f => f.Paid),
            funnels.Sum(f => f.ApprovedAmountYuan), funnels.Sum(f => f.PaidAmountYuan), categories,
            funnels.OrderByDescending(f => f.Applied).ThenByDescending(f => f.Eligible).Take(top).ToList());
    }

    private async Task<List<PolicyFunnel>> FunnelsAsync(int? policyId, CancellationToken ct)
    {
        var policies = db.Set<Policy>().AsNoTracking();
        if (policyId is { } id) policies = policies.Where(p => p.Id == id);
        var rows = await policies.Select(p => new { p.Id, p.TitleZh, p.TitleEn, p.Category, p.Mode, p.EligibleCount }).ToListAsync(ct);
        var applications = db.Set<PolicyApplication>().AsNoTracking();
        if (policyId is { } only) applications = applications.Where(a => a.PolicyId == only);
        var counts = await applications
            .GroupBy(a => new { a.PolicyId, a.Status })
            .Select(g => new { g.Key.PolicyId, g.Key.Status, Count = g.Count(), Amount = g.Sum(a => a.AmountYuan ?? 0) })
            .ToListAsync(ct);
        var byPolicy = counts.ToLookup(c => c.PolicyId);
        return rows.Select(p =>
        {
            var c = byPolicy[p.Id].ToDictionary(x => x.Status);
            int N(string s) => c.TryGetValue(s, out var x) ? x.Count : 0;
            long A(string s) => c.TryGetValue(s, out var x) ? x.Amount : 0;
            var approved = N(ApplicationStatus.Approved) + N(ApplicationStatus.Paid);
            return new PolicyFunnel(p.Id, p.TitleZh, p.TitleEn, p.Category, p.Mode, p.EligibleCount,
                c.Values.Sum(x => x.Count), N(ApplicationStatus.UnderReview), approved, N(ApplicationStatus.Rejected), N(ApplicationStatus.Paid),
                A(ApplicationStatus.Approved) + A(ApplicationStatus.Paid), A(ApplicationStatus.Paid));
        }).ToList();
    }
}
