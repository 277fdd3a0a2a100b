using Lingjing.Server.Infrastructure.Paging;
namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>A declared change as reviewers and the enterprise see it; values are shown as people read them.</summary>
public sealed record FactChangeView(
    Guid Id, int EnterpriseId, string EnterpriseNameZh, string EnterpriseNameEn, int ParkId, string Fact,
    string OldValue, string NewValue, string Note, string Status, string ProposedByName, DateTime ProposedAt,
    string? DecidedByName, string? DecidedByRole, DateTime? DecidedAt, string? Reason);

/// <summary>One verified change of a fact, oldest first in a history.</summary>
public sealed record FactHistoryView(
    string Fact, string OldValue, string NewValue, string Provenance, string DeclaredBy, string VerifiedBy, string VerifiedByRole, DateTime At, Guid? ChangeId);


/// <summary>The body of a declaration: new values of the declarable facts (leave one out to keep it) and a note for the reviewer.</summary>
public sealed record FactDeclaration(int? Employees, IReadOnlyList<string>? Tags, string? Note);

/// <summary>The body of a rejection.</summary>
public sealed record FactRejection(string? Reason);
