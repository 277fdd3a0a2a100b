namespace Lingjing.Server.Features.EnterpriseFacts;

public static class FactChangeStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    /// <summary>The enterprise declared another value (or its verified one again) before a decision.</summary>
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Pending, Approved, Rejected, Withdrawn];
}
