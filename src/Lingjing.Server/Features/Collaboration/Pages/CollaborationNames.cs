using System.Globalization;
using Lingjing.Server.Components.Shared;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration.Pages;

/// <summary>The names pages show for the codes of collaboration: segments, stages, kinds, sizes, bands, in the page's
/// language; and budgets and dates as people read them.</summary>
public static class CollaborationNames
{
    public static string Segment(string code) => IndustryChain.Find(code) is { } s ? Bilingual.Pick(s.NameZh, s.NameEn) : code;

    public static string Stage(string code) => Entry(IndustryChain.Stages, code);

    public static string OfferKind(string code) => Entry(OfferKinds.All, code);

    public static string PartnerSize(string code) => Entry(PartnerSizes.All, code);

    public static string AmountBand(string code) => Entry(AmountBands.All, code);

    public static string ReportReason(string code) => Entry(Moderation.ReportReasons.Entries, code);

    /// <summary>"300,000 – 500,000 yuan", one end, or empty when neither is set.</summary>
    public static string Yuan(long? from, long? to) => (from, to) switch
    {
        ({ } a, { } b) => string.Create(CultureInfo.CurrentCulture, $"{a:#,0} – {b:#,0} ¥"),
        ({ } a, null) => string.Create(CultureInfo.CurrentCulture, $"≥ {a:#,0} ¥"),
        (null, { } b) => string.Create(CultureInfo.CurrentCulture, $"≤ {b:#,0} ¥"),
        _ => "",
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Entry(IReadOnlyList<CatalogueEntry> entries, string code) =>
        entries.FirstOrDefault(e => e.Code == code) is { } e ? Bilingual.Pick(e.NameZh, e.NameEn) : code;
}
