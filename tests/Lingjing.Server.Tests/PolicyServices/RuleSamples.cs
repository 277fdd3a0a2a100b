using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>A small vocabulary and profiles for rule tests that need no database.</summary>
internal static class RuleSamples
{
    public static readonly RuleVocabulary Vocabulary = new(
        [
            new RuleVocabulary.ParkName(1, "P01", "798艺术区", "798 Art Zone"),
            new RuleVocabulary.ParkName(2, "P02", "数字创意港", "Digital Creative Harbour"),
            new RuleVocabulary.ParkName(3, "P03", "文化科技园", "Culture and Technology Park"),
        ],
        ["high-tech", "startup", "export", "specialized-innovative", "listed"],
        asOfYear: 2026);

    public static EnterpriseProfile Profile(
        int id = 1, int park = 1, string category = "digital-content", int employees = 25, int founded = 2018,
        bool above = false, string[]? tags = null, long[]? revenues = null) =>
        new(id, park, category, employees, founded, above, tags ?? ["high-tech"],
            (revenues ?? [1_000_000, 1_100_000, 1_250_000]).Select((r, i) => (2023 + i, r)).ToList());

    public static PolicyRule Rule(string text) => PolicyRule.Parse(text, Vocabulary);

    public static RuleError Error(string text)
    {
        PolicyRule.TryParse(text, Vocabulary, RuleType.Boolean, out _, out var error).ShouldBeFalse($"'{text}' should be refused");
        return error!;
    }
}
