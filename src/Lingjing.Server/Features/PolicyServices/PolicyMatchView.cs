using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>A published policy an enterprise qualifies for (all clauses hold: the reasons) or almost
/// qualifies for (exactly one clause fails: <see cref="FailingClause"/>).</summary>
public sealed record PolicyMatchView(
    int PolicyId, string TitleZh, string TitleEn, string Category, string Level, string Mode, long? BenefitYuan,
    DateOnly? ApplicationDeadline, IReadOnlyList<ClauseResult> Reasons, ClauseResult? FailingClause, string? ApplicationStatus, Guid? ApplicationId,
    DateOnly OpensOn, DateOnly ClosesOn);

/// <summary>Only open policies are in <see cref="Qualify"/> and <see cref="Almost"/>; <see cref="Upcoming"/> are
/// policies the enterprise qualifies for that open later (nothing to apply to yet). Closed policies are left out.</summary>
public sealed record MyPolicyMatches(int EnterpriseId, IReadOnlyList<PolicyMatchView> Qualify, IReadOnlyList<PolicyMatchView> Almost, IReadOnlyList<PolicyMatchView> Upcoming);
