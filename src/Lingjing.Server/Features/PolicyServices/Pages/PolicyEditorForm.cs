using System.Globalization;

namespace Lingjing.Server.Features.PolicyServices.Pages;

/// <summary>The policy editor's fields as typed (text), turned into a <see cref="PolicyInput"/> on save.</summary>
public sealed class PolicyEditorForm
{
    public string? TitleZh { get; set; }
    public string? TitleEn { get; set; }
    public string? DepartmentZh { get; set; }
    public string? DepartmentEn { get; set; }
    public string? Level { get; set; } = PolicyLevels.District;
    public string? Category { get; set; } = PolicyCategories.Grant;
    public string? Mode { get; set; } = PolicyModes.Apply;
    public string? SummaryZh { get; set; }
    public string? SummaryEn { get; set; }
    public string? FullText { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidUntil { get; set; }
    public string? BenefitAmountYuan { get; set; }
    public string? BenefitFormula { get; set; }
    public string? BenefitNoteZh { get; set; }
    public string? BenefitNoteEn { get; set; }
    public string? GuideTargets { get; set; }
    public string? GuideConditions { get; set; }
    public string? GuideMaterials { get; set; }
    public string? ApplicationDeadline { get; set; }
    public string? GuideContact { get; set; }
    public string? Rule { get; set; }

    public static PolicyEditorForm From(Policy p) => new()
    {
        TitleZh = p.TitleZh, TitleEn = p.TitleEn, DepartmentZh = p.DepartmentZh, DepartmentEn = p.DepartmentEn,
        Level = p.Level, Category = p.Category, Mode = p.Mode, SummaryZh = p.SummaryZh, SummaryEn = p.SummaryEn, FullText = p.FullText,
        ValidFrom = p.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ValidUntil = p.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BenefitAmountYuan = p.BenefitAmountYuan?.ToString(CultureInfo.InvariantCulture), BenefitFormula = p.BenefitFormula,
        BenefitNoteZh = p.BenefitNoteZh, BenefitNoteEn = p.BenefitNoteEn, GuideTargets = p.GuideTargets, GuideConditions = p.GuideConditions,
        GuideMaterials = p.GuideMaterials, ApplicationDeadline = p.ApplicationDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        GuideContact = p.GuideContact, Rule = p.Rule,
    };

    /// <summary>The input, or the message for the first field that is not a date or number.</summary>
    public PolicyInput? ToInput(out string? problem)
    {
        problem = null;
        DateOnly? Date(string? text, string name, ref string? error)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            error ??= $"{name} must be a date (yyyy-MM-dd).";
            return null;
        }
        var from = Date(ValidFrom, "validFrom", ref problem);
        var until = Date(ValidUntil, "validUntil", ref problem);
        var deadline = Date(ApplicationDeadline, "applicationDeadline", ref problem);
        long? amount = null;
        if (!string.IsNullOrWhiteSpace(BenefitAmountYuan))
        {
            if (long.TryParse(BenefitAmountYuan.Replace(",", "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var a)) amount = a;
            else problem ??= "benefitAmountYuan must be a whole number of yuan.";
        }
        if (problem is not null) return null;
        return new PolicyInput(TitleZh, TitleEn, DepartmentZh, DepartmentEn, Level, Category, SummaryZh, SummaryEn, FullText, from, until,
            amount, string.IsNullOrWhiteSpace(BenefitFormula) ? null : BenefitFormula, BenefitNoteZh, BenefitNoteEn,
            GuideTargets, GuideConditions, GuideMaterials, deadline, GuideContact, Mode, Rule);
    }
}
