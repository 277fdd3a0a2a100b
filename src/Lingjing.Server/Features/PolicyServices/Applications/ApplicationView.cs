using Lingjing.Server.Features.EnterpriseFacts;
using Lingjing.Server.Features.PolicyServices.Certificates;
using Lingjing.Server.Features.PolicyServices.Matters;

namespace Lingjing.Server.Features.PolicyServices.Applications;

/// <summary>An application to a policy (<see cref="PolicyId"/>) or for a matter (<see cref="MatterId"/>): its title and
/// category are those of what it is for; <see cref="DueOn"/> a matter's legal time limit.</summary>
public sealed record ApplicationView(
    Guid Id, int? PolicyId, int? MatterId, string TitleZh, string TitleEn, string Category, int EnterpriseId,
    string EnterpriseNameZh, string EnterpriseNameEn, string Status, bool Automatic, string ContactName, string ContactPhone,
    string Statement, string? DecisionReason, string? RejectionReason, long? AmountYuan, DateOnly? PaidOn, DateOnly? DueOn,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <summary><see cref="Facts"/>: the enterprise's facts the policy's rule reads, as verified now (value,
/// provenance, date and any declared value still waiting for review).
/// <see cref="Matter"/>: for a matter, its form with the answers and its required materials; <see cref="Certificate"/>
/// the certificate its approval issued.</summary>
public sealed record ApplicationDetail(
    ApplicationView Application, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<MaterialView> Materials,
    ProfileSummary? Profile, RuleAudit? Audit, IReadOnlyList<EnterpriseFact> Facts,
    MatterApplicationPart? Matter = null, CertificateView? Certificate = null);

public sealed record MatterApplicationPart(
    string Code, string DepartmentZh, string DepartmentEn, int LegalDays, IReadOnlyList<MatterAnswer> Answers, IReadOnlyList<MatterRequirement> Requirements);

public sealed record MatterAnswer(string Key, string LabelZh, string LabelEn, string Answer);

public sealed record TimelineEntry(string Status, DateTime At, string ActorName, string Note);

public sealed record MaterialView(Guid Id, string? Requirement, string FileName, string ContentType, long SizeBytes, DateTime UploadedAt);

/// <param name="For">Only applications to policies (<c>policy</c>) or for matters (<c>matter</c>).</param>
/// <param name="Overdue">Only undecided matters past their legal time limit.</param>
public sealed record ApplicationQuery(string? Status, int? PolicyId, string? Category, bool? Automatic, string? Q, int Page = 1, int PageSize = 20,
    string? For = null, int? MatterId = null, bool? Overdue = null);
