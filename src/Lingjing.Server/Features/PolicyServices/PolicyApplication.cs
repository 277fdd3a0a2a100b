namespace Lingjing.Server.Features.PolicyServices;

/// <summary>An enterprise's application: to a policy (one per policy and enterprise), or (<see cref="Automatic"/>) the
/// entitlement a no-application policy granted it, or for a government matter (<see cref="MatterId"/>, as often as
/// needed). Both go through the one application engine (<see cref="Applications.ApplicationService"/>).</summary>
public sealed class PolicyApplication
{
    public Guid Id { get; set; }
    /// <summary>The policy applied to; null for a matter.</summary>
    public int? PolicyId { get; set; }
    /// <summary>The matter applied for (<see cref="Matters.Matter"/>); null for a policy.</summary>
    public int? MatterId { get; set; }
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
    /// <summary>JSON: a matter's form, field key → answer.</summary>
    public string? FormAnswers { get; set; }
    /// <summary>A matter's legal time limit: the day by which it must be decided.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>The reasons given with the decision (approval or rejection).</summary>
    public string? DecisionReason { get; set; }
    public string? RejectionReason { get; set; }
    public long? AmountYuan { get; set; }
    public DateOnly? PaidOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
