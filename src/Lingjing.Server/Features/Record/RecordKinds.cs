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
    public const string MatterApproved = "matter.approved";
    public const string MatterRejected = "matter.rejected";
    public const string CertificateIssued = "certificate.issued";
    public const string BanApplied = "ban.applied";
    public const string BanLifted = "ban.lifted";

    /// <summary>What people read for a kind (English, localized by the page).</summary>
    public static string Label(string kind) => kind switch
    {
        PolicyPublished => "Policy published",
        PolicyWithdrawn => "Policy withdrawn",
        ApplicationApproved => "Application approved",
        ApplicationRejected => "Application rejected",
        PayoutMade => "Payout made",
        FactApproved => "Verified fact approved",
        FactRejected => "Declared fact refused",
        MatterApproved => "Matter approved",
        MatterRejected => "Matter refused",
        CertificateIssued => "Certificate issued",
        BanApplied => "Barred from every world",
        BanLifted => "Ban lifted",
        _ => kind,
    };
}
