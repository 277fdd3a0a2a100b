namespace Lingjing.Server.Features.PolicyServices.Demo;

/// <summary>One kind of demo policy; <see cref="DemoPolicyCatalogue"/> makes five editions of each.
/// In titles and rules, {cat} / {catZh} / {catEn} stand for the edition's target enterprise category,
/// {year} for its year and {n} for a threshold that grows with the edition.</summary>
internal sealed record DemoPolicyTemplate(
    string Category,
    string Level,
    string DepartmentZh,
    string DepartmentEn,
    string TitleZh,
    string TitleEn,
    string SummaryZh,
    string SummaryEn,
    string Rule,
    int[] Thresholds,
    long? Amount,
    string? Formula,
    string Mode,
    string BenefitNoteZh,
    string BenefitNoteEn,
    string Materials);
