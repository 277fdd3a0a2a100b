namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>One verified change of a fact: who declared it, who verified it, when, and the values
/// before and after (JSON). Only appended, never changed.</summary>
public sealed class FactHistoryEntry
{
    public Guid Id { get; set; }
    public int EnterpriseId { get; set; }
    public string Fact { get; set; } = "";
    public string OldValue { get; set; } = "";
    public string NewValue { get; set; } = "";
    /// <summary>Code from <see cref="FactProvenance"/>: the provenance of the new value.</summary>
    public string Provenance { get; set; } = FactProvenance.Verified;
    public Guid? ChangeId { get; set; }
    public string DeclaredByName { get; set; } = "";
    public Guid? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public DateTime At { get; set; }
}
