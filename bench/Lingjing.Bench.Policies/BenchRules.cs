using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Bench.Policies;

/// <summary>Eligibility rules like the ones governments write: 2 to 6 clauses over category, size,
/// revenue and its growth, park, tags and age, with thresholds drawn from a fixed seed.</summary>
internal static class BenchRules
{
    public static List<string> Generate(int count, RuleVocabulary vocabulary, int seed)
    {
        var random = new Random(seed);
        var categories = EnterpriseCategories.All.Select(c => c.Code).ToArray();
        var rules = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var clauses = new List<string>();
            var n = random.Next(2, 7);
            var used = new HashSet<int>();
            while (clauses.Count < n)
            {
                var kind = random.Next(9);
                if (!used.Add(kind)) continue;
                clauses.Add(kind switch
                {
                    0 => $"category in [{string.Join(", ", categories.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(c => $"\"{c}\""))}]",
                    1 => $"employees >= {new[] { 5, 10, 20, 50, 100, 300 }[random.Next(6)]}",
                    2 => $"revenue_growth({random.Next(1, 3)}) >= {new[] { 0.0, 0.05, 0.1, 0.15, 0.2, 0.3 }[random.Next(6)]:0.00}",
                    3 => $"revenue >= {new[] { 1_000_000, 5_000_000, 10_000_000, 20_000_000, 50_000_000 }[random.Next(5)]}",
                    4 => $"has_tag(\"{vocabulary.Tags[random.Next(vocabulary.Tags.Count)]}\")",
                    5 => random.Next(3) == 0
                        ? $"park.name == \"{vocabulary.Parks[random.Next(vocabulary.Parks.Count)].NameEn}\""
                        : $"park.id in [{string.Join(", ", Enumerable.Range(0, random.Next(2, 8)).Select(_ => vocabulary.Parks[random.Next(vocabulary.Parks.Count)].Id).Distinct())}]",
                    6 => random.Next(2) == 0 ? $"age >= {random.Next(2, 11)}" : $"age <= {random.Next(1, 6)}",
                    7 => random.Next(2) == 0 ? "above_designated_size" : "not above_designated_size",
                    _ => $"(has_tag(\"{vocabulary.Tags[random.Next(vocabulary.Tags.Count)]}\") or revenue / max(employees, 1) >= {random.Next(100, 600) * 1000})",
                });
            }
            rules.Add(string.Join(" and ", clauses));
        }
        return rules;
    }
}
