using Lingjing.Server.Features.EnterpriseFacts;

namespace Lingjing.Server.Features.PolicyServices.Applications;

public sealed record ApplicationView(
    Guid Id, int PolicyId, string PolicyTitleZh, string PolicyTitleEn, string PolicyCategory, int EnterpriseId,
    string EnterpriseNameZh, string EnterpriseNameEn, string Status, bool Automatic, string ContactName, string ContactPhone,
    string Statement, string? RejectionReason, long? AmountYuan, DateOnly? PaidOn, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary><see cref="Facts"/>: the enterprise's facts the policy's rule reads, as verified now (value,
/// provenance, date and any declared value still waiting for review).</summary>
public sealed record ApplicationDetail(
    ApplicationView Application, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<MaterialView> Materials,
    ProfileSummary? Profile, RuleAudit? Audit, IReadOnlyList<EnterpriseFact> Facts);

public sealed record TimelineEntry(string Status, DateTime At, string ActorName, string Note);

public sealed record MaterialView(Guid Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt);

public sealed record ApplicationQuery(string? Status, int? PolicyId, string? Category, bool? Automatic, string? Q, int Page = 1, int PageSize = 20);
