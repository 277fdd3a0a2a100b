namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The body of creating or editing a policy. Benefit: either <see cref="BenefitAmountYuan"/>
/// or <see cref="BenefitFormula"/> (a number expression of the rule language).</summary>
public sealed record PolicyInput(
    string? TitleZh, string? TitleEn, string? DepartmentZh, string? DepartmentEn, string? Level, string? Category,
    string? SummaryZh, string? SummaryEn, string? FullText, DateOnly? ValidFrom, DateOnly? ValidUntil,
    long? BenefitAmountYuan, string? BenefitFormula, string? BenefitNoteZh, string? BenefitNoteEn,
    string? GuideTargets, string? GuideConditions, string? GuideMaterials, DateOnly? ApplicationDeadline, string? GuideContact,
    string? Mode, string? Rule);
