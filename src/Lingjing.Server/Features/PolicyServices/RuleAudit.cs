using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The audit record of a no-application entitlement: the rule as it was and its result.</summary>
public sealed record RuleAudit(string Rule, DateTime EvaluatedAt, RuleExplanation Result);
