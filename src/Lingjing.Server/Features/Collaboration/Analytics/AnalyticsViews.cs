namespace Lingjing.Server.Features.Collaboration.Analytics;

/// <summary>Who works with whom: enterprises and institutions with confirmed agreements (<c>value</c>: how many, the
/// <c>category</c> an index into <c>categories</c>, their parks) and the agreements between them (<c>value</c>: how many).</summary>
public sealed record NetworkGraph(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkLink> Links, IReadOnlyList<NetworkCategory> Categories, int Agreements);

public sealed record NetworkNode(string Id, string NameZh, string NameEn, string Kind, int Category, int Value);

public sealed record NetworkLink(string Source, string Target, int Value);

public sealed record NetworkCategory(string NameZh, string NameEn);

/// <summary>Confirmed agreements from the client's segment of the industry chain to the segment of the need.</summary>
public sealed record ChainFlow(string From, string FromZh, string FromEn, string To, string ToZh, string ToEn, int Agreements);

/// <summary>Per segment: needs published, still open after <see cref="CollaborationAnalytics.UnmetAfterDays"/> days, closed
/// without an agreement, and the share of those two among the published.</summary>
public sealed record UnmetNeeds(string Segment, string NameZh, string NameEn, int Published, int OpenLong, int ClosedUnmet, double UnmetShare);

/// <summary>The way from a published need to an agreement: published, contacted (someone wrote about it), an agreement
/// proposed, agreed.</summary>
public sealed record FunnelStage(string Stage, int Needs);

/// <summary>Per segment (and <c>all</c>): how long from publishing to the first message and to a confirmed agreement,
/// median and 90th percentile in days, over the needs that got there.</summary>
public sealed record CollaborationTiming(string Segment, string NameZh, string NameEn, int Contacted, double? MedianDaysToContact, double? P90DaysToContact,
    int Agreed, double? MedianDaysToAgreement, double? P90DaysToAgreement);

/// <summary>Whose collaboration is looked at: the whole zone, or one park (its enterprises' needs and the agreements one
/// of its enterprises or institutions is on).</summary>
public readonly record struct AnalyticsScope(int? ParkId)
{
    public static AnalyticsScope Zone => new(null);
}

/// <summary>A confirmed agreement as a new edge of the network: who with whom, about what, when.</summary>
public sealed record NewEdge(int AgreementId, string ClientZh, string ClientEn, string PartnerZh, string PartnerEn, string NeedTitle, DateTime? ConfirmedAt);
