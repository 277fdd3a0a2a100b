namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The body of creating or editing a policy. Benefit: either <see cref="BenefitAmountYuan"/>
/// or <see cref="BenefitFormula"/> (a number expression of the rule language).</summary>
public sealed record PolicyInput(
    string? TitleZh, string? TitleEn, string? DepartmentZh, string? DepartmentEn, string? Level, string? Category,
    string? SummaryZh, string? SummaryEn, string? FullText, DateOnly? ValidFrom, DateOnly? ValidUntil,
    long? BenefitAmountYuan, string? BenefitFormula, string? BenefitNoteZh, string? BenefitNoteEn,
    string? GuideTargets, string? GuideConditions, string? GuideMaterials, DateOnly? ApplicationDeadline, string? GuideContact,
    string? Mode, string? Rule)
{
    public static readonly Field TitleZhField = new("titleZh", "Chinese title");
    public static readonly Field TitleEnField = new("titleEn", "English title");
    public static readonly Field DepartmentField = new("departmentZh", "Issuing department");
    public static readonly Field LevelField = new("level", "Level");
    public static readonly Field CategoryField = new("category", "Category");
    public static readonly Field ModeField = new("mode", "How enterprises receive it");
    public static readonly Field ValidFromField = new("validFrom", "Valid from");
    public static readonly Field ValidUntilField = new("validUntil", "Valid until");
    public static readonly Field FullTextField = new("fullText", "Full text");
    public static readonly Field BenefitAmountField = new("benefitAmountYuan", "Benefit amount");
    public static readonly Field BenefitFormulaField = new("benefitFormula", "Benefit formula");
    public static readonly Field RuleField = new("rule", "Eligibility rule");
}
