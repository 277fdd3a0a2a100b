namespace Lingjing.Server.Features.Record;

/// <summary>The decisions the record holds, by kind (the entry's <c>kind</c>).</summary>
public static class RecordKinds
{
    public const string PolicyPublished = "policy.published";
    public const string PolicyWithdrawn = "policy.withdrawn";
    public const string ApplicationApproved = "application.approved";
    public const string ApplicationRejected = "application.rejected";
    public const string PayoutMade = "payout.made";
    public const string FactApproved = "fact.approved";
    public const string FactRejected = "fact.rejected";
    public const string BanApplied = "ban.applied";
    public const string BanLifted = "ban.lifted";
}
