namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>The outcome of a rule for one enterprise, clause by clause.</summary>
public sealed record RuleExplanation(bool Eligible, IReadOnlyList<ClauseResult> Clauses)
{
    /// <summary>Exactly one clause fails: the enterprise "almost" qualifies.</summary>
    public ClauseResult? OnlyFailingClause => Clauses.Count(c => !c.Held) == 1 ? Clauses.First(c => !c.Held) : null;
}
