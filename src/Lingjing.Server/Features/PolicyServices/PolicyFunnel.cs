namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Eligible → applied → approved → paid for one policy, with amounts. Automatic entitlements
/// count as applied and approved.</summary>
public sealed record PolicyFunnel(
    int PolicyId, string TitleZh, string TitleEn, string Category, string Mode, int Eligible, int Applied, int UnderReview,
    int Approved, int Rejected, int Paid, long ApprovedAmountYuan, long PaidAmountYuan);

public sealed record PolicyAnalyticsView(
    int Policies, int Published, int Eligible, int Applied, int Approved, int Paid, long ApprovedAmountYuan, long PaidAmountYuan,
    IReadOnlyList<CategoryFunnel> Categories, IReadOnlyList<PolicyFunnel> TopPolicies);

public sealed record CategoryFunnel(string Category, int Eligible, int Applied, int Approved, int Paid, long PaidAmountYuan);

/// <summary>One bar of a funnel chart.</summary>
public sealed record FunnelStage(string Stage, int Count, long AmountYuan);
