using Lingjing.Server.Features.Record;
using Lingjing.Server.Features.EnterpriseFacts;
using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Policies: list and read for everyone signed in (drafts only for government), create, edit,
/// publish and withdraw for government (publishing or editing a published policy rematches every
/// enterprise and notifies the newly eligible), rule previews, explanations and an enterprise's matches.</summary>
public sealed class PolicyService(
    LingjingDbContext db,
    ProfileSnapshotCache profiles,
    CompiledRuleCache compiledRules,
    PolicyRematcher rematcher,
    PolicyPush push,
    ProfileLoader loader,
    EnterpriseFactService facts,
    PolicyCalendar calendar,
    TimeProvider time)
{
    public const int MaxPageSize = 100;
    public const int SampleSize = 10;

    public async Task<ResultPage<PolicyView>> ListAsync(PolicyQuery query, bool government, CancellationToken ct)
    {
        var policies = db.Set<Policy>().AsNoTracking();
        if (!government) policies = policies.Where(p => p.Status == PolicyStatus.Published);
        else if (!string.IsNullOrWhiteSpace(query.Status)) policies = policies.Where(p => p.Status == query.Status);
        if (!string.IsNullOrWhiteSpace(query.Category)) policies = policies.Where(p => p.Category == query.Category);
        if (!string.IsNullOrWhiteSpace(query.Level)) policies = policies.Where(p => p.Level == query.Level);
        if (!string.IsNullOrWhiteSpace(query.Mode)) policies = policies.Where(p => p.Mode == query.Mode);
        var today = calendar.Today();
        if (!string.IsNullOrWhiteSpace(query.Stage)) policies = PolicyLife.InStage(policies, query.Stage, today);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            policies = policies.WhereAnyContains(query.Q, p => p.TitleZh, p => p.TitleEn, p => p.DepartmentZh, p => p.DepartmentEn);
        }
        var ordered = policies.OrderByDescending(p => p.PublishedAt ?? p.CreatedAt).ThenByDescending(p => p.Id);
        var total = await ordered.CountAsync(ct);
        var offset = (long)(query.Page - 1) * query.PageSize;
        var rows = offset >= total ? [] : await ordered.Skip((int)offset).Take(query.PageSize).ToListAsync(ct);
        return new ResultPage<PolicyView>(rows.Select(p => PolicyView.Of(p, today, withText: false)).ToList(), total, query.Page, query.PageSize);
    }

    /// <summary>The policy as the API returns it, with its stage today.</summary>
    public PolicyView View(Policy policy) => PolicyView.Of(policy, calendar.Today());

    public async Task<Policy?> FindAsync(int id, bool government, CancellationToken ct)
    {
        var policy = await db.Set<Policy>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return policy is null || (!government && policy.Status != PolicyStatus.Published) ? null : policy;
    }

    public async Task<Outcome<Policy>> CreateAsync(PolicyInput input, CancellationToken ct)
    {
        var snapshot = await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct);
        var policy = new Policy();
        if (Apply(input, policy, snapshot.Vocabulary) is { } error) return error;
        var now = time.GetUtcNow().UtcDateTime;
        policy.Status = PolicyStatus.Draft;
        policy.CreatedAt = policy.UpdatedAt = now;
        db.Add(policy);
        await db.SaveChangesAsync(ct);
        return policy;
    }

    public async Task<Outcome<Policy>> UpdateAsync(int id, PolicyInput input, CancellationToken ct)
    {
        var policy = await db.Set<Policy>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return Failure.NotFound("There is no policy with id {0}.", id);
        if (policy.Status == PolicyStatus.Withdrawn) return Failure.Conflict("The policy was withdrawn; it can no longer be edited.");
        var snapshot = await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct);
        if (Apply(input, policy, snapshot.Vocabulary) is { } error) return error;
        policy.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        if (policy.Status == PolicyStatus.Published) await RematchAndPushAsync(policy, ct);
        return policy;
    }

    /// <param name="actor">Who publishes it, for the decision record.</param>
    public async Task<Outcome<Policy>> PublishAsync(int id, Guid? actor, CancellationToken ct)
    {
        var policy = await db.Set<Policy>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return Failure.NotFound("There is no policy with id {0}.", id);
        if (policy.Status != PolicyStatus.Draft) return Failure.Conflict("Only a draft can be published; this policy is {0}.", policy.Status);
        var now = time.GetUtcNow();
        policy.Status = PolicyStatus.Published;
        policy.PublishedAt = policy.UpdatedAt = now.UtcDateTime;
        db.Record(now, RecordKinds.PolicyPublished, $"policy:{id}", actor, PolicyFacts(policy));
        await db.SaveChangesAsync(ct);
        await RematchAndPushAsync(policy, ct);
        return policy;
    }

    public async Task<Outcome<Policy>> WithdrawAsync(int id, Guid? actor, CancellationToken ct)
    {
        var policy = await db.Set<Policy>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return Failure.NotFound("There is no policy with id {0}.", id);
        if (policy.Status != PolicyStatus.Published) return Failure.Conflict("Only a published policy can be withdrawn; this policy is {0}.", policy.Status);
        var now = time.GetUtcNow();
        policy.Status = PolicyStatus.Withdrawn;
        policy.UpdatedAt = now.UtcDateTime;
        db.Record(now, RecordKinds.PolicyWithdrawn, $"policy:{id}", actor, new { policy.Id, policy.TitleZh, policy.TitleEn });
        await db.SaveChangesAsync(ct);
        await rematcher.RematchAsync(policy, ct); // clears the stored matches
        return policy;
    }

    public async Task<Failure?> DeleteAsync(int id, CancellationToken ct)
    {
        var policy = await db.Set<Policy>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return Failure.NotFound("There is no policy with id {0}.", id);
        if (policy.Status != PolicyStatus.Draft) return Failure.Conflict("Only a draft can be deleted; withdraw a published policy instead.");
        db.Remove(policy);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<RematchOutcome> RematchAndPushAsync(Policy policy, CancellationToken ct)
    {
        var outcome = await rematcher.RematchAsync(policy, ct);
        await push.NewlyEligibleAsync(policy, outcome.NewlyEligible, ct);
        return outcome;
    }

    public async Task<IReadOnlyList<RematchOutcome>> RematchAllAsync(CancellationToken ct)
    {
        var outcomes = await rematcher.RematchAllAsync(ct);
        var policies = await db.Set<Policy>().AsNoTracking().Where(p => p.Status == PolicyStatus.Published).ToDictionaryAsync(p => p.Id, ct);
        foreach (var outcome in outcomes.Where(o => o.NewlyEligible.Count > 0))
            await push.NewlyEligibleAsync(policies[outcome.PolicyId], outcome.NewlyEligible, ct);
        return outcomes;
    }

    /// <summary>Evaluates a draft rule (and optional benefit formula) against every enterprise.</summary>
    public async Task<RulePreview> PreviewAsync(string? ruleText, string? formulaText, CancellationToken ct)
    {
        var snapshot = await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct);
        var total = snapshot.Table.Count;
        if (!PolicyRule.TryParse(ruleText ?? "", snapshot.Vocabulary, RuleType.Boolean, out var rule, out var error))
            return new RulePreview(false, error, 0, total, [], []);
        PolicyRule? formula = null;
        if (!string.IsNullOrWhiteSpace(formulaText) && !PolicyRule.TryParse(formulaText, snapshot.Vocabulary, RuleType.Number, out formula, out var formulaError))
            return new RulePreview(false, formulaError! with { Message = new Phrase("Benefit formula: {0}", formulaError.Message).Localized() }, 0, total, [], []);

        var compiled = compiledRules.Get(rule!.Text, snapshot.Vocabulary);
        var ids = compiled.MatchingIds(snapshot.Table);
        var clauseCounts = new List<ClauseCount>();
        if (rule.Clauses.Count > 1)
        {
            var buffer = new int[snapshot.Table.Count];
            foreach (var clause in rule.Clauses)
            {
                var clauseRule = compiledRules.Get(rule.Quote(clause), snapshot.Vocabulary);
                clauseCounts.Add(new ClauseCount(rule.Quote(clause), clauseRule.Scan(snapshot.Table, buffer)));
            }
        }
        else
        {
            clauseCounts.Add(new ClauseCount(rule.Text.Trim(), ids.Length));
        }

        // A spread-out sample: every k-th eligible enterprise rather than the lowest ids.
        var step = Math.Max(1, ids.Length / SampleSize);
        var sampleIds = ids.Where((_, i) => i % step == 0).Take(SampleSize).ToList();
        var names = await db.Set<Enterprise>().AsNoTracking().Where(e => sampleIds.Contains(e.Id))
            .Select(e => new { e.Id, e.NameZh, e.NameEn }).ToDictionaryAsync(e => e.Id, ct);
        var evaluator = new RuleEvaluator(snapshot.Vocabulary);
        var sample = sampleIds.Where(names.ContainsKey).Select(id =>
        {
            var p = snapshot.Find(id)!;
            long? benefit = formula is null ? null : (long)Math.Max(0, Math.Round(Safe(evaluator.Amount(formula, p))));
            return new EnterpriseSample(id, names[id].NameZh, names[id].NameEn,
                snapshot.Vocabulary.ParkById.TryGetValue(p.ParkId, out var park) ? park.NameEn : "", p.Category, p.Employees, benefit);
        }).ToList();
        return new RulePreview(true, null, ids.Length, total, sample, clauseCounts);
    }

    private static double Safe(double x) => double.IsNaN(x) || double.IsInfinity(x) ? 0 : x;

    public async Task<Outcome<EligibilityView>> EligibilityAsync(Policy policy, int enterpriseId, CancellationToken ct)
    {
        // The vocabulary (parks, tags) may be a little old; the enterprise's own profile is read now.
        var snapshot = await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct);
        var profile = await loader.LoadOneAsync(enterpriseId, ct);
        if (profile is null) return Failure.NotFound("There is no enterprise with id {0}.", enterpriseId);
        if (!PolicyRule.TryParse(policy.Rule, snapshot.Vocabulary, RuleType.Boolean, out var rule, out var error))
            return Failure.Conflict("The policy's rule no longer checks against the zone: {0}", error);
        var explanation = new RuleEvaluator(snapshot.Vocabulary).Explain(rule!, profile);
        var benefit = explanation.Eligible ? new BenefitCalculator(snapshot.Vocabulary).Amount(policy, profile) : null;
        return new EligibilityView(policy.Id, enterpriseId, explanation.Eligible, explanation.Clauses, explanation.OnlyFailingClause, benefit,
            await FactsUsedAsync(policy, enterpriseId, snapshot.Vocabulary, ct), PolicyLife.Stage(policy, calendar.Today()));
    }

    /// <summary>The enterprise's facts the policy's rule and benefit formula read, with value, provenance and date.</summary>
    public async Task<IReadOnlyList<EnterpriseFact>> FactsUsedAsync(Policy policy, int enterpriseId, RuleVocabulary vocabulary, CancellationToken ct)
    {
        PolicyRule.TryParse(policy.Rule, vocabulary, RuleType.Boolean, out var rule, out _);
        PolicyRule? formula = null;
        if (!string.IsNullOrWhiteSpace(policy.BenefitFormula)) PolicyRule.TryParse(policy.BenefitFormula, vocabulary, RuleType.Number, out formula, out _);
        var used = RuleFacts.Used(rule, formula);
        var all = await facts.FactsAsync(enterpriseId, ct);
        return all is null ? [] : all.Facts.Where(f => used.Contains(f.Fact)).ToList();
    }

    /// <summary>Open published policies the enterprise qualifies for (with reasons) and almost qualifies for
    /// (one clause fails), and upcoming ones it qualifies for (not yet open: no apply).</summary>
    public async Task<MyPolicyMatches> MatchesAsync(int enterpriseId, CancellationToken ct)
    {
        var snapshot = await profiles.GetAsync(ProfileSnapshotCache.PreviewMaxAge, ct);
        var profile = await loader.LoadOneAsync(enterpriseId, ct);
        if (profile is null) return new MyPolicyMatches(enterpriseId, [], [], []);
        var policies = await db.Set<Policy>().AsNoTracking().Where(p => p.Status == PolicyStatus.Published).OrderBy(p => p.Id).ToListAsync(ct);
        var applications = await db.Set<PolicyApplication>().AsNoTracking().Where(a => a.EnterpriseId == enterpriseId && a.PolicyId != null)
            .Select(a => new { PolicyId = a.PolicyId!.Value, a.Id, a.Status }).ToDictionaryAsync(a => a.PolicyId, ct);
        var evaluator = new RuleEvaluator(snapshot.Vocabulary);
        var benefit = new BenefitCalculator(snapshot.Vocabulary);
        var qualify = new List<PolicyMatchView>();
        var almost = new List<PolicyMatchView>();
        var upcoming = new List<PolicyMatchView>();
        var today = calendar.Today();
        foreach (var policy in policies)
        {
            var stage = PolicyLife.Stage(policy, today);
            if (stage == PolicyLife.Closed) continue;
            if (!PolicyRule.TryParse(policy.Rule, snapshot.Vocabulary, RuleType.Boolean, out var rule, out _)) continue;
            var explanation = evaluator.Explain(rule!, profile);
            applications.TryGetValue(policy.Id, out var application);
            if (explanation.Eligible)
                (stage == PolicyLife.Open ? qualify : upcoming).Add(View(policy, explanation.Clauses, null, benefit.Amount(policy, profile)));
            else if (explanation.OnlyFailingClause is { } failing && stage == PolicyLife.Open)
                almost.Add(View(policy, explanation.Clauses.Where(c => c.Held).ToList(), failing, null));

            PolicyMatchView View(Policy p, IReadOnlyList<ClauseResult> reasons, ClauseResult? failingClause, long? amount) => new(
                p.Id, p.TitleZh, p.TitleEn, p.Category, p.Level, p.Mode, amount, p.ApplicationDeadline, reasons, failingClause,
                application?.Status, application?.Id, PolicyLife.OpensOn(p), PolicyLife.ClosesOn(p));
        }
        return new MyPolicyMatches(enterpriseId, qualify, almost, upcoming);
    }

    /// <summary>Copies the input onto the policy after checking it; the rule and formula must parse.</summary>
    private static Failure? Apply(PolicyInput input, Policy policy, RuleVocabulary vocabulary)
    {
        static string Text(string? value) => value?.Trim() ?? "";
        var errors = new FieldErrors();
        errors.Required(PolicyInput.TitleZhField, input.TitleZh, 200);
        errors.Required(PolicyInput.TitleEnField, input.TitleEn, 300);
        if (Text(input.DepartmentZh).Length == 0 && Text(input.DepartmentEn).Length == 0)
            errors.Add(PolicyInput.DepartmentField, "Name the issuing department, in Chinese or in English.");
        if (PolicyLevels.All.All(l => l.Code != input.Level)) errors.Add(PolicyInput.LevelField, "Choose one of: {0}.", string.Join(", ", PolicyLevels.All.Select(l => l.Code)));
        if (PolicyCategories.All.All(c => c.Code != input.Category)) errors.Add(PolicyInput.CategoryField, "Choose one of: {0}.", string.Join(", ", PolicyCategories.All.Select(c => c.Code)));
        if (PolicyModes.All.All(m => m.Code != input.Mode)) errors.Add(PolicyInput.ModeField, "Choose one of: {0}.", string.Join(", ", PolicyModes.All.Select(m => m.Code)));
        if (input.ValidFrom is null) errors.Add(PolicyInput.ValidFromField, "This field is required.");
        if (input.ValidUntil is null) errors.Add(PolicyInput.ValidUntilField, "This field is required.");
        else if (input.ValidUntil < input.ValidFrom) errors.Add(PolicyInput.ValidUntilField, "The end of validity must not be before its start.");
        errors.MaxLength(PolicyInput.FullTextField, input.FullText, 100_000, multiline: true);
        var hasFormula = !string.IsNullOrWhiteSpace(input.BenefitFormula);
        if (hasFormula == input.BenefitAmountYuan.HasValue)
            errors.Add(PolicyInput.BenefitAmountField, "Give the benefit either as a fixed amount or as a formula, not both and not neither.");
        if (input.BenefitAmountYuan is < 0) errors.Add(PolicyInput.BenefitAmountField, "The amount must not be negative.");
        RuleError? formulaError = null, ruleError = null;
        if (hasFormula && !PolicyRule.TryParse(input.BenefitFormula!, vocabulary, RuleType.Number, out _, out formulaError))
            errors.Add(PolicyInput.BenefitFormulaField, "The formula is not valid: {0}", formulaError!.ToString());
        if (string.IsNullOrWhiteSpace(input.Rule)) errors.Add(PolicyInput.RuleField, "This field is required.");
        else if (input.Rule.Length > 4_000) errors.Add(PolicyInput.RuleField, "At most {0:#,0} characters.", 4_000);
        else if (!PolicyRule.TryParse(input.Rule, vocabulary, RuleType.Boolean, out _, out ruleError))
            errors.Add(PolicyInput.RuleField, "The rule is not valid: {0}", ruleError!.ToString());
        if (!errors.IsEmpty)
            return (ruleError ?? formulaError) is { } where ? Failure.Invalid(errors).With("ruleError", where) : Failure.Invalid(errors);
        var (from, until) = (input.ValidFrom!.Value, input.ValidUntil!.Value);

        policy.TitleZh = Text(input.TitleZh);
        policy.TitleEn = Text(input.TitleEn);
        policy.DepartmentZh = Text(input.DepartmentZh);
        policy.DepartmentEn = Text(input.DepartmentEn);
        policy.Level = input.Level!;
        policy.Category = input.Category!;
        policy.Mode = input.Mode!;
        policy.SummaryZh = Text(input.SummaryZh);
        policy.SummaryEn = Text(input.SummaryEn);
        policy.FullText = input.FullText ?? "";
        policy.ValidFrom = from;
        policy.ValidUntil = until;
        policy.BenefitAmountYuan = hasFormula ? null : input.BenefitAmountYuan;
        policy.BenefitFormula = hasFormula ? input.BenefitFormula!.Trim() : null;
        policy.BenefitNoteZh = Text(input.BenefitNoteZh);
        policy.BenefitNoteEn = Text(input.BenefitNoteEn);
        policy.GuideTargets = Text(input.GuideTargets);
        policy.GuideConditions = Text(input.GuideConditions);
        policy.GuideMaterials = Text(input.GuideMaterials);
        policy.ApplicationDeadline = input.ApplicationDeadline;
        policy.GuideContact = Text(input.GuideContact);
        policy.Rule = input.Rule!.Trim();
        return null;
    }

    /// <summary>What a policy says when published, as the record keeps it: who qualifies and what they get.</summary>
    private static object PolicyFacts(Policy p) => new
    {
        p.Id, p.TitleZh, p.TitleEn, p.DepartmentZh, p.Level, p.Category, p.Mode, p.Rule, p.BenefitAmountYuan, p.BenefitFormula,
        ValidFrom = p.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ValidUntil = p.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ApplicationDeadline = p.ApplicationDeadline?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
