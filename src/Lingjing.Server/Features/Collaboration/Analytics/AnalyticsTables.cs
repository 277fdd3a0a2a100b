using Lingjing.Server.Components.Shared;
using Lingjing.Server.Infrastructure.Exports;

namespace Lingjing.Server.Features.Collaboration.Analytics;

/// <summary>Each analytics table as a download, with its headings and names in the reader's language.</summary>
public static class AnalyticsTables
{
    public static readonly IReadOnlyList<string> Names = ["network", "flows", "unmet", "funnel", "timing"];

    public static ExportTable Network(NetworkGraph graph)
    {
        var nodes = graph.Nodes.ToDictionary(n => n.Id);
        return new("network", Headings("Client", "Partner", "Agreements"),
            [.. graph.Links.Select(l => new object?[] { Name(nodes[l.Source]), Name(nodes[l.Target]), l.Value })]);
    }

    public static ExportTable Flows(IReadOnlyList<ChainFlow> flows) =>
        new("flows", Headings("Client's segment", "Segment of the need", "Agreements"),
            [.. flows.Select(f => new object?[] { Bilingual.Pick(f.FromZh, f.FromEn), Bilingual.Pick(f.ToZh, f.ToEn), f.Agreements })]);

    public static ExportTable Unmet(IReadOnlyList<UnmetNeeds> rows) =>
        new("unmet", Headings("Segment", "Needs published", "Open for over 30 days", "Closed without an agreement", "Share unmet"),
            [.. rows.Select(u => new object?[] { Bilingual.Pick(u.NameZh, u.NameEn), u.Published, u.OpenLong, u.ClosedUnmet, u.UnmetShare })]);

    public static ExportTable Funnel(IReadOnlyList<FunnelStage> stages) =>
        new("funnel", Headings("Stage", "Needs"), [.. stages.Select(s => new object?[] { StageName(s.Stage), s.Needs })]);

    public static ExportTable Timing(IReadOnlyList<CollaborationTiming> rows) =>
        new("timing", Headings("Segment", "Needs contacted", "Days to first contact (median)", "Days to first contact (90th percentile)",
                "Needs agreed", "Days to agreement (median)", "Days to agreement (90th percentile)"),
            [.. rows.Select(t => new object?[] { Bilingual.Pick(t.NameZh, t.NameEn), t.Contacted, t.MedianDaysToContact, t.P90DaysToContact,
                t.Agreed, t.MedianDaysToAgreement, t.P90DaysToAgreement })]);

    public static string StageName(string stage) => stage switch
    {
        "published" => new Phrase("Published").Localized(),
        "contacted" => new Phrase("Contacted").Localized(),
        "proposed" => new Phrase("Agreement proposed").Localized(),
        _ => new Phrase("Agreed").Localized(),
    };

    private static string Name(NetworkNode node) => Bilingual.Pick(node.NameZh, node.NameEn);

    private static IReadOnlyList<string> Headings(params string[] english) => [.. english.Select(e => new Phrase(e).Localized())];
}
