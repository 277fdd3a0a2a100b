using Lingjing.Server.Features.PolicyServices.Rules;
using static Lingjing.Server.Tests.PolicyServices.RuleSamples;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class RuleEvaluationTests
{
    private static readonly RuleEvaluator Evaluator = new(Vocabulary);

    private const string IssueRule =
        "category in [\"digital content\", \"creative design\"] and employees >= 20 and revenue_growth(1) >= 0.10 and park.name == \"798 Art Zone\" and has_tag(\"high-tech\")";

    [Fact]
    public void Qualifying_enterprise_gets_every_clause_held_with_its_values()
    {
        var explanation = Evaluator.Explain(Rule(IssueRule), Profile());

        explanation.Eligible.ShouldBeTrue();
        explanation.Clauses.ShouldAllBe(c => c.Held);
        explanation.Clauses[1].Values.ShouldBe(["employees = 25"]);
        explanation.Clauses[2].Values.ShouldBe(["revenue_growth(1) = 13.6%"]);
        explanation.Clauses[3].Values.ShouldBe(["park.name = \"798 Art Zone\""]);
        explanation.OnlyFailingClause.ShouldBeNull();
    }

    [Fact]
    public void One_failing_clause_is_named_as_almost()
    {
        var explanation = Evaluator.Explain(Rule(IssueRule), Profile(employees: 12));

        explanation.Eligible.ShouldBeFalse();
        explanation.OnlyFailingClause!.Clause.ShouldBe("employees >= 20");
        explanation.OnlyFailingClause.Values.ShouldBe(["employees = 12"]);
    }

    [Fact]
    public void Two_failing_clauses_are_not_almost()
    {
        var explanation = Evaluator.Explain(Rule(IssueRule), Profile(employees: 12, park: 2));
        explanation.Clauses.Count(c => !c.Held).ShouldBe(2);
        explanation.OnlyFailingClause.ShouldBeNull();
    }

    [Fact]
    public void Missing_revenue_years_make_growth_unavailable_and_every_comparison_false()
    {
        var profile = Profile(revenues: [2_000_000]);
        Evaluator.Matches(Rule("revenue_growth(1) >= 0"), profile).ShouldBeFalse();
        Evaluator.Matches(Rule("revenue_growth(1) < 0"), profile).ShouldBeFalse();
        Evaluator.Matches(Rule("revenue_growth(1) != 0"), profile).ShouldBeFalse();
        Evaluator.Matches(Rule("not (revenue_growth(1) >= 0)"), profile).ShouldBeTrue();
        Evaluator.Explain(Rule("revenue_growth(2) > 0.1"), profile).Clauses[0].Values[0].ShouldContain("not available");
    }

    [Fact]
    public void Growth_over_two_years_compares_latest_year_with_two_years_before()
    {
        Profile(revenues: [1_000_000, 900_000, 1_500_000]).RevenueGrowth(2).ShouldBe(0.5, 1e-12);
        Profile(revenues: [1_000_000, 900_000, 1_500_000]).RevenueGrowth(1).ShouldBe(1_500_000d / 900_000 - 1, 1e-12);
    }

    [Theory]
    [InlineData("age >= 8", true)]
    [InlineData("age >= 9", false)]
    [InlineData("founded_year == 2018", true)]
    [InlineData("revenue >= 1250000 and revenue < 1250001", true)]
    [InlineData("revenue / employees == 50000", true)]
    [InlineData("park.id in [2, 3]", false)]
    [InlineData("park.code == \"p01\"", true)]
    [InlineData("category != \"digital-content\" or has_tag(\"startup\")", false)]
    [InlineData("not above_designated_size and -employees < -20", true)]
    [InlineData("above_designated_size == false", true)]
    [InlineData("employees not in [1, 2, 3]", true)]
    [InlineData("max(employees, 30) == 30 and min(1, 2, employees) == 1 and round(2.5) == 3", true)]
    public void Conditions_evaluate_over_the_profile(string text, bool expected) =>
        Evaluator.Matches(Rule(text), Profile()).ShouldBe(expected);

    [Fact]
    public void Benefit_formula_computes_an_amount()
    {
        Evaluator.Amount(PolicyRule.ParseFormula("min(revenue * 0.02, 20000) + employees * 100", Vocabulary), Profile()).ShouldBe(22_500);
    }

    [Fact]
    public void Compiled_rule_tests_rows_like_the_evaluator()
    {
        var profiles = new[] { Profile(id: 1), Profile(id: 2, employees: 3), Profile(id: 3, park: 1, tags: []) };
        var table = ProfileTable.Build(profiles, Vocabulary);
        var compiled = RuleCompiler.Compile(Rule(IssueRule), Vocabulary);

        compiled.MatchingIds(table).ShouldBe([1]);
        compiled.Test(table, 0).ShouldBeTrue();
        compiled.Test(table, 2).ShouldBeFalse();
        RuleCompiler.CompileFormula(PolicyRule.ParseFormula("revenue * 0.01", Vocabulary), Vocabulary)(table, 0).ShouldBe(12_500);
    }
}
