using Lingjing.Server.Features.EnterpriseFacts;
using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Whether an enterprise is eligible for a policy, clause by clause, and what it would get;
/// <see cref="Facts"/> are the verified facts the rule read (value, provenance, date, any pending
/// declared value, which does not count); <see cref="Stage"/> is the policy's <see cref="PolicyLife"/> today.</summary>
public sealed record EligibilityView(
    int PolicyId, int EnterpriseId, bool Eligible, IReadOnlyList<ClauseResult> Clauses, ClauseResult? AlmostClause, long? BenefitYuan,
    IReadOnlyList<EnterpriseFact> Facts, string Stage);
