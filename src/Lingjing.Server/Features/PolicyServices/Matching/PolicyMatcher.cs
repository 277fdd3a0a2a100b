using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Matches many rules against every enterprise of a <see cref="ProfileTable"/>, one rule per
/// task across the cores, each rule a compiled scan over the columns.</summary>
public static class PolicyMatcher
{
    /// <returns>For each rule (same order), the ids of the enterprises it holds for, ascending.</returns>
    public static int[][] MatchAll(IReadOnlyList<CompiledRule> rules, ProfileTable table)
    {
        var results = new int[rules.Count][];
        Parallel.For(0, rules.Count,
            () => new int[table.Count],
            (i, _, buffer) =>
            {
                var count = rules[i].Scan(table, buffer);
                var ids = new int[count];
                for (var k = 0; k < count; k++) ids[k] = table.Ids[buffer[k]];
                results[i] = ids;
                return buffer;
            },
            _ => { });
        return results;
    }

    /// <summary>The reference: every rule walked as a tree over every profile object (no compilation, no columns).</summary>
    public static int[][] MatchAllInterpreted(IReadOnlyList<PolicyRule> rules, IReadOnlyList<EnterpriseProfile> profiles, RuleVocabulary vocabulary)
    {
        var evaluator = new RuleEvaluator(vocabulary);
        var results = new int[rules.Count][];
        Parallel.For(0, rules.Count, i =>
            results[i] = profiles.Where(p => evaluator.Matches(rules[i], p)).Select(p => p.Id).ToArray());
        return results;
    }
}
