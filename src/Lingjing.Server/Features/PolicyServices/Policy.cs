namespace Lingjing.Server.Features.PolicyServices;

/// <summary>A support policy published by a government department: who it is for (the eligibility
/// <see cref="Rule"/>), what it gives (<see cref="BenefitAmountYuan"/> or <see cref="BenefitFormula"/>)
/// and how to get it (apply, or paid without application).</summary>
public sealed class Policy
{
    public int Id { get; set; }
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string DepartmentZh { get; set; } = "";
    public string DepartmentEn { get; set; } = "";
    /// <summary>Code from <see cref="PolicyLevels"/>.</summary>
    public string Level { get; set; } = PolicyLevels.Zone;
    /// <summary>Code from <see cref="PolicyCategories"/>.</summary>
    public string Category { get; set; } = PolicyCategories.Grant;
    public string SummaryZh { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    /// <summary>Markdown; rendered with raw HTML disabled.</summary>
    public string FullText { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>Fixed amount in yuan, when there is no formula.</summary>
    public long? BenefitAmountYuan { get; set; }
    /// <summary>A number expression of the rule language over the profile, e.g. <c>min(revenue * 0.01, 500000)</c>.</summary>
    public string? BenefitFormula { get; set; }
    public string BenefitNoteZh { get; set; } = "";
    public string BenefitNoteEn { get; set; } = "";
    public string GuideTargets { get; set; } = "";
    public string GuideConditions { get; set; } = "";
    public string GuideMaterials { get; set; } = "";
    public DateOnly? ApplicationDeadline { get; set; }
    public string GuideContact { get; set; } = "";
    /// <summary>Code from <see cref="PolicyModes"/>.</summary>
    public string Mode { get; set; } = PolicyModes.Apply;
    public string Rule { get; set; } = "";
    /// <summary>Code from <see cref="PolicyStatus"/>.</summary>
    public string Status { get; set; } = PolicyStatus.Draft;
    /// <summary>Enterprises matched at the last rematch.</summary>
    public int EligibleCount { get; set; }
    public DateTime? MatchedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
