namespace Lingjing.Server.Features.PolicyServices;

/// <summary>An enterprise's application to a policy, or (<see cref="Automatic"/>) the entitlement a
/// no-application policy granted it. One per policy and enterprise.</summary>
public sealed class PolicyApplication
{
    public Guid Id { get; set; }
    public int PolicyId { get; set; }
    public int EnterpriseId { get; set; }
    public Guid? SubmittedBy { get; set; }
    /// <summary>Code from <see cref="ApplicationStatus"/>.</summary>
    public string Status { get; set; } = ApplicationStatus.Submitted;
    public bool Automatic { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string Statement { get; set; } = "";
    /// <summary>JSON: the profile fields at submission.</summary>
    public string ProfileSnapshot { get; set; } = "{}";
    /// <summary>JSON: the rule explanation that granted an automatic entitlement (the audit record).</summary>
    public string? RuleAudit { get; set; }
    public string? RejectionReason { get; set; }
    public long? AmountYuan { get; set; }
    public DateOnly? PaidOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
