using System.Globalization;
using Lingjing.Server.Features.Directory;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.PolicyServices.Pages;

/// <summary>Names and formats of policy codes in the UI language.</summary>
public static class PolicyNames
{
    public static string Category(string code) => Name(PolicyCategories.All, code);
    public static string Level(string code) => Name(PolicyLevels.All, code);
    public static string Mode(string code) => Name(PolicyModes.All, code);
    public static string EnterpriseCategory(string code) => EnterpriseCategories.Find(code)?.Name(UiLanguage.IsChinese) ?? code;

    public static string Yuan(long? amount) => amount is null ? "—" : amount.Value.ToString("#,0", CultureInfo.InvariantCulture) + (UiLanguage.IsChinese ? " 元" : " yuan");

    public static string Benefit(Policy p) => p.BenefitFormula is { } formula
        ? (UiLanguage.IsChinese ? "按公式：" : "Formula: ") + formula
        : Yuan(p.BenefitAmountYuan);

    public static string Date(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Name(IReadOnlyList<CatalogueEntry> entries, string code) =>
        entries.FirstOrDefault(e => e.Code == code)?.Name(UiLanguage.IsChinese) ?? code;
}
