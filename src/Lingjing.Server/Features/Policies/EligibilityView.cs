using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Whether an enterprise is eligible for a policy, clause by clause, and what it would get.</summary>
public sealed record EligibilityView(int PolicyId, int EnterpriseId, bool Eligible, IReadOnlyList<ClauseResult> Clauses, ClauseResult? AlmostClause, long? BenefitYuan);
