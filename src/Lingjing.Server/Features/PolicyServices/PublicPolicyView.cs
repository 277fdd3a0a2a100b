using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>A published policy as anyone may read it, without signing in: its dates and stage, its
/// benefit and its conditions in plain words (English and Chinese, one per clause of the rule).</summary>
public sealed record PublicPolicyView(
    int Id, string TitleZh, string TitleEn, string DepartmentZh, string DepartmentEn, string Level, string Category, string Mode,
    string SummaryZh, string SummaryEn, DateOnly ValidFrom, DateOnly ValidUntil, DateOnly? ApplicationDeadline,
    DateOnly OpensOn, DateOnly ClosesOn, string Stage, long? BenefitAmountYuan, string? BenefitFormula, string BenefitNoteZh, string BenefitNoteEn,
    string GuideMaterials, string GuideContact, IReadOnlyList<RuleWording.Clause> Conditions);
