using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class RuleWordingTests
{
    private static readonly RuleVocabulary Vocabulary = new(
        [new RuleVocabulary.ParkName(7, "P07", "七九八艺术区", "798 Art Zone")], ["high-tech", "export"], 2026);

    private static IReadOnlyList<RuleWording.Clause> Words(string rule) =>
        new RuleWording(Vocabulary).Clauses(PolicyRule.Parse(rule, Vocabulary));

    [Fact]
    public void Each_clause_is_worded_in_english_and_chinese_with_units_and_names()
    {
        var clauses = Words("category in [\"digital content\", \"创意设计\"] and revenue >= 5000000 and revenue_growth(2) > 10% " +
            "and park.name == \"798 Art Zone\" and not above_designated_size and has_tag(\"export\") and (age < 5 or employees <= 50)");

        clauses.Select(c => c.En).ShouldBe([
            "category is one of Digital content, Creative design",
            "revenue of the latest year at least 5,000,000 yuan",
            "revenue growth over 2 years more than 10%",
            "park is 798 Art Zone",
            "below designated size",
            "recognised as “cultural exporter”",
            "years since founding less than 5, or employees at most 50",
        ]);
        clauses.Select(c => c.Zh).ShouldBe([
            "行业类别属于数字内容、创意设计",
            "最近一年营业收入不低于5,000,000 元",
            "近2年营业收入增长率高于10%",
            "所在园区为七九八艺术区",
            "规模以下企业",
            "具有“文化出口企业”资质",
            "成立年限低于5，或员工人数不高于50",
        ]);
    }

    [Fact]
    public void Arithmetic_it_cannot_word_is_quoted_as_written()
    {
        Words("employees * 2 > revenue / 1000").Single().En.ShouldBe("employees * 2 > revenue / 1000");
    }
}
