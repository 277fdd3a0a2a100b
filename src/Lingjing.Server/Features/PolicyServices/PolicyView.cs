namespace Lingjing.Server.Features.PolicyServices;

/// <summary>A policy as the API returns it; <see cref="FullTextHtml"/> is the Markdown rendered with raw HTML disabled;
/// <see cref="Stage"/> (upcoming, open, closed) between <see cref="OpensOn"/> and <see cref="ClosesOn"/> (see <see cref="PolicyLife"/>).</summary>
public sealed record PolicyView(
    int Id, string TitleZh, string TitleEn, string DepartmentZh, string DepartmentEn, string Level, string Category,
    string SummaryZh, string SummaryEn, string FullText, string FullTextHtml, DateOnly ValidFrom, DateOnly ValidUntil,
    long? BenefitAmountYuan, string? BenefitFormula, string BenefitNoteZh, string BenefitNoteEn,
    string GuideTargets, string GuideConditions, string GuideMaterials, DateOnly? ApplicationDeadline, string GuideContact,
    string Mode, string Rule, string Status, int EligibleCount, DateTime? MatchedAt, DateTime? PublishedAt, DateTime UpdatedAt,
    DateOnly OpensOn, DateOnly ClosesOn, string Stage)
{
    public static PolicyView Of(Policy p, DateOnly today, bool withText = true) => new(
        p.Id, p.TitleZh, p.TitleEn, p.DepartmentZh, p.DepartmentEn, p.Level, p.Category, p.SummaryZh, p.SummaryEn,
        withText ? p.FullText : "", withText ? PolicyMarkdown.ToHtml(p.FullText) : "", p.ValidFrom, p.ValidUntil,
        p.BenefitAmountYuan, p.BenefitFormula, p.BenefitNoteZh, p.BenefitNoteEn,
        p.GuideTargets, p.GuideConditions, p.GuideMaterials, p.ApplicationDeadline, p.GuideContact,
        p.Mode, p.Rule, p.Status, p.EligibleCount, p.MatchedAt, p.PublishedAt, p.UpdatedAt,
        PolicyLife.OpensOn(p), PolicyLife.ClosesOn(p), PolicyLife.Stage(p, today));
}
