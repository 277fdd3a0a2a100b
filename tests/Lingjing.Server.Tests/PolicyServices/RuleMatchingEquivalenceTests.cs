using Lingjing.Server.Features.PolicyServices.Rules;
using static Lingjing.Server.Tests.PolicyServices.RuleSamples;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>The compiled matcher and the tree-walking evaluator (brute force) agree on random rules
/// over random profiles.</summary>
public sealed class RuleMatchingEquivalenceTests
{
    private static readonly string[] Categories = Lingjing.Server.Features.Zone.EnterpriseCategories.All.Select(c => c.Code).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compiled_matching_equals_brute_force_evaluation_on_random_profiles(int seed)
    {
        var random = new Random(seed);
        var profiles = Enumerable.Range(1, 3_000).Select(id => RandomProfile(random, id)).ToList();
        var table = ProfileTable.Build(profiles, Vocabulary);
        var evaluator = new RuleEvaluator(Vocabulary);

        for (var r = 0; r < 150; r++)
        {
            var text = RandomRule(random, depth: 3);
            var rule = Rule(text);
            var expected = profiles.Where(p => evaluator.Matches(rule, p)).Select(p => p.Id).ToArray();
            RuleCompiler.Compile(rule, Vocabulary).MatchingIds(table).ShouldBe(expected, text);
        }
    }

    private static EnterpriseProfile RandomProfile(Random random, int id)
    {
        var years = random.Next(0, 4);
        var revenues = Enumerable.Range(0, years).Select(_ => (long)random.Next(0, 5_000_000)).ToArray();
        var tags = Vocabulary.Tags.Where(_ => random.NextDouble() < 0.3).ToArray();
        return Profile(id, park: random.Next(1, 5), category: Categories[random.Next(Categories.Length)],
            employees: random.Next(0, 300), founded: random.Next(1990, 2026), above: random.NextDouble() < 0.3,
            tags: tags, revenues: revenues);
    }

    private static string RandomRule(Random random, int depth)
    {
        if (depth == 0 || random.NextDouble() < 0.3) return RandomClause(random);
        var op = random.Next(3) switch { 0 => "and", 1 => "or", _ => "and not" };
        return $"({RandomRule(random, depth - 1)} {op} {RandomRule(random, depth - 1)})";
    }

    private static string RandomClause(Random random)
    {
        string[] comparisons = ["<", "<=", ">", ">=", "==", "!="];
        var cmp = comparisons[random.Next(comparisons.Length)];
        return random.Next(11) switch
        {
            0 => $"employees {cmp} {random.Next(0, 300)}",
            1 => $"revenue_growth({random.Next(1, 3)}) {cmp} {(random.NextDouble() - 0.3):0.00}",
            2 => $"category {(random.Next(2) == 0 ? "==" : "!=")} \"{Categories[random.Next(Categories.Length)]}\"",
            3 => $"category {(random.Next(2) == 0 ? "in" : "not in")} [\"{Categories[random.Next(Categories.Length)]}\", \"{Categories[random.Next(Categories.Length)]}\"]",
            4 => $"has_tag(\"{Vocabulary.Tags[random.Next(Vocabulary.Tags.Count)]}\")",
            5 => $"park.name == \"{Vocabulary.Parks[random.Next(Vocabulary.Parks.Count)].NameZh}\"",
            6 => $"age {cmp} {random.Next(0, 30)}",
            7 => $"above_designated_size == {(random.Next(2) == 0 ? "true" : "false")}",
            8 => $"revenue / max(employees, 1) {cmp} {random.Next(0, 100_000)}",
            9 => $"park.id {(random.Next(2) == 0 ? "in" : "not in")} [{random.Next(1, 5)}, {random.Next(1, 5)}]",
            _ => $"revenue_growth(2) {(random.Next(2) == 0 ? "in" : "not in")} [0, 0.5]",
        };
    }
}
