using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The public policy catalogue: published policies only, open ones first (closing soonest
/// first), then upcoming (opening soonest first), then closed (most recently closed first), with
/// their conditions in plain words.</summary>
public sealed class PublicCatalogue(LingjingDbContext db, ProfileSnapshotCache profiles, PolicyCalendar calendar)
{
    public const int MaxPageSize = 50;

    public async Task<ResultPage<PublicPolicyView>> ListAsync(string? stage, string? category, string? q, int page, int pageSize, CancellationToken ct)
    {
        var today = calendar.Today();
        var policies = db.Set<Policy>().AsNoTracking().Where(p => p.Status == PolicyStatus.Published);
        if (!string.IsNullOrWhiteSpace(stage)) policies = PolicyLife.InStage(policies, stage, today);
        if (!string.IsNullOrWhiteSpace(category)) policies = policies.Where(p => p.Category == category);
        if (!string.IsNullOrWhiteSpace(q))
        {
            policies = policies.WhereAnyContains(q, p => p.TitleZh, p => p.TitleEn, p => p.DepartmentZh, p => p.DepartmentEn);
        }
        // Ordered in memory: the stage depends on today, and published policies are a few hundred at most.
        var all = (await policies.ToListAsync(ct))
            .OrderBy(p => PolicyLife.Stages.ToList().IndexOf(PolicyLife.Stage(p, today)))
            .ThenBy(p => PolicyLife.Stage(p, today) switch
            {
                PolicyLife.Open => PolicyLife.ClosesOn(p).DayNumber,
                PolicyLife.Upcoming => PolicyLife.OpensOn(p).DayNumber,
                _ => -PolicyLife.ClosesOn(p).DayNumber,
            })
            .ThenBy(p => p.Id)
            .ToList();
        var vocabulary = (await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct)).Vocabulary;
        var offset = (long)(page - 1) * pageSize;
        var items = offset >= all.Count ? [] : all.Skip((int)offset).Take(pageSize).Select(p => View(p, today, vocabulary)).ToList();
        return new ResultPage<PublicPolicyView>(items, all.Count, page, pageSize);
    }

    public async Task<PublicPolicyView?> FindAsync(int id, CancellationToken ct)
    {
        var policy = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Status == PolicyStatus.Published, ct);
        if (policy is null) return null;
        var vocabulary = (await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct)).Vocabulary;
        return View(policy, calendar.Today(), vocabulary);
    }

    private static PublicPolicyView View(Policy p, DateOnly today, RuleVocabulary vocabulary)
    {
        IReadOnlyList<RuleWording.Clause> conditions = PolicyRule.TryParse(p.Rule, vocabulary, RuleType.Boolean, out var rule, out _)
            ? new RuleWording(vocabulary).Clauses(rule!)
            : [new RuleWording.Clause(p.Rule, p.Rule, p.Rule)];
        return new PublicPolicyView(p.Id, p.TitleZh, p.TitleEn, p.DepartmentZh, p.DepartmentEn, p.Level, p.Category, p.Mode,
            p.SummaryZh, p.SummaryEn, p.ValidFrom, p.ValidUntil, p.ApplicationDeadline, PolicyLife.OpensOn(p), PolicyLife.ClosesOn(p),
            PolicyLife.Stage(p, today), p.BenefitAmountYuan, p.BenefitFormula, p.BenefitNoteZh, p.BenefitNoteEn, p.GuideMaterials, p.GuideContact, conditions);
    }
}
