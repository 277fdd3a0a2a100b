namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>An enterprise's declared new value of a deciding fact, waiting for (or given) a decision by
/// its park operator or the government. Values are JSON (see <see cref="DecidingFacts"/>).</summary>
public sealed class FactChange
{
    public Guid Id { get; set; }
    public int EnterpriseId { get; set; }
    /// <summary>Code from <see cref="DecidingFacts.Declarable"/>.</summary>
    public string Fact { get; set; } = "";
    /// <summary>The verified value when the change was declared.</summary>
    public string OldValue { get; set; } = "";
    public string NewValue { get; set; } = "";
    public string Note { get; set; } = "";
    /// <summary>Code from <see cref="FactChangeStatus"/>.</summary>
    public string Status { get; set; } = FactChangeStatus.Pending;
    public Guid? ProposedBy { get; set; }
    public string ProposedByName { get; set; } = "";
    public DateTime ProposedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    /// <summary><see cref="FactReviewer.ParkRole"/> or <see cref="FactReviewer.GovernmentRole"/>.</summary>
    public string? DecidedByRole { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Why a change was rejected.</summary>
    public string? Reason { get; set; }
}
