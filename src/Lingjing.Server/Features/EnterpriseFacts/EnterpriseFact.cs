namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>One deciding fact of an enterprise: the value policies use (<see cref="Value"/>, in English;
/// <see cref="ValueZh"/> in Chinese), where it comes from (<see cref="FactProvenance"/>), who verified it
/// and since when it holds, and a declared value waiting for review, if any.</summary>
public sealed record EnterpriseFact(
    string Fact, string Value, string ValueZh, string Provenance, string? VerifiedBy, string? VerifiedByRole, DateTime? Since, PendingFact? Pending);

/// <summary>A value the enterprise declared that is not used until it is approved.</summary>
public sealed record PendingFact(Guid ChangeId, string Value, string ProposedBy, DateTime ProposedAt, string Note);

public sealed record EnterpriseFacts(int EnterpriseId, IReadOnlyList<EnterpriseFact> Facts);
