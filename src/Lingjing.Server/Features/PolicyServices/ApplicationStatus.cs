namespace Lingjing.Server.Features.PolicyServices;

/// <summary>submitted → under_review → approved | rejected; a policy's approved → paid (a matter's approval is final).</summary>
public static class ApplicationStatus
{
    public const string Submitted = "submitted";
    public const string UnderReview = "under_review";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Paid = "paid";

    public static readonly IReadOnlyList<string> All = [Submitted, UnderReview, Approved, Rejected, Paid];

    public static bool CanMove(string from, string to, bool matter = false) => (from, to) switch
    {
        (Approved, Paid) when matter => false,
        (Submitted, UnderReview) => true,
        (UnderReview, Approved) => true,
        (UnderReview, Rejected) => true,
        (Approved, Paid) => true,
        _ => false,
    };
}
