namespace Lingjing.Server.Features.PolicyServices.Applications;

public sealed record ApplicationView(
    Guid Id, int PolicyId, string PolicyTitleZh, string PolicyTitleEn, string PolicyCategory, int EnterpriseId,
    string EnterpriseNameZh, string EnterpriseNameEn, string Status, bool Automatic, string ContactName, string ContactPhone,
    string Statement, string? RejectionReason, long? AmountYuan, DateOnly? PaidOn, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record ApplicationDetail(
    ApplicationView Application, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<MaterialView> Materials,
    ProfileSummary? Profile, RuleAudit? Audit);

public sealed record TimelineEntry(string Status, DateTime At, string ActorName, string Note);

public sealed record MaterialView(Guid Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt);

public sealed record ApplicationQuery(string? Status, int? PolicyId, string? Category, bool? Automatic, string? Q, int Page = 1, int PageSize = 20);
