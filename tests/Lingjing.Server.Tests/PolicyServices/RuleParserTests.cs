using Lingjing.Server.Features.PolicyServices.Rules;
using static Lingjing.Server.Tests.PolicyServices.RuleSamples;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class RuleParserTests
{
    [Fact]
    public void Issue_example_parses_into_five_clauses_with_their_source_text()
    {
        var rule = Rule("category in [\"digital content\", \"creative design\"] and employees >= 20 and revenue_growth(1) >= 0.10 and park.name == \"798 Art Zone\" and has_tag(\"high-tech\")");

        rule.Clauses.Select(rule.Quote).ShouldBe([
            "category in [\"digital content\", \"creative design\"]",
            "employees >= 20",
            "revenue_growth(1) >= 0.10",
            "park.name == \"798 Art Zone\"",
            "has_tag(\"high-tech\")",
        ]);
    }

    [Fact]
    public void Names_are_canonicalized_category_names_to_codes_and_chinese_park_names_to_english()
    {
        var rule = Rule("category == \"数字内容\" and park.name == \"798艺术区\" and category in [\"Creative design\"]");
        var literals = rule.Clauses.Select(c => c switch
        {
            RuleNode.Binary { Right: RuleNode.StringLiteral s } => s.Value,
            RuleNode.Membership m => ((RuleNode.StringLiteral)m.List.Items[0]).Value,
            _ => "?",
        });
        literals.ShouldBe(["digital-content", "798 Art Zone", "creative-design"]);
    }

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_override()
    {
        Rule("employees > 1 or employees > 2 and employees > 3").Clauses.Count.ShouldBe(1);
        var grouped = Rule("(employees > 1 or employees > 2) and employees > 3");
        grouped.Clauses.Count.ShouldBe(2);
        grouped.Quote(grouped.Clauses[0]).ShouldBe("employees > 1 or employees > 2");
    }

    [Fact]
    public void Arithmetic_percent_literals_not_in_and_newlines_are_accepted()
    {
        var rule = Rule("revenue / employees >= 50000\nand revenue_growth(2) >= 15%\nand category not in [\"arts-crafts\"] and not above_designated_size");
        rule.Clauses.Count.ShouldBe(4);
        ((RuleNode.Binary)rule.Clauses[1]).Right.ShouldBeOfType<RuleNode.NumberLiteral>().Value.ShouldBe(0.15, 1e-12);
    }

    [Fact]
    public void Benefit_formulas_are_numbers()
    {
        PolicyRule.ParseFormula("min(revenue * 0.02, 500000)", Vocabulary).Type.ShouldBe(RuleType.Number);
        PolicyRule.TryParse("employees >= 3", Vocabulary, RuleType.Number, out _, out var error).ShouldBeFalse();
        error!.Message.ShouldContain("expected a number");
    }

    [Fact]
    public void A_chinese_reader_gets_rule_errors_in_chinese_with_the_rule_words_as_written()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            PolicyRule.TryParse("employees > 10 and\nemployes >= 3", Vocabulary, RuleType.Boolean, out _, out var error).ShouldBeFalse();
            error!.Line.ShouldBe(2);
            error.Message.ShouldStartWith("应为企业档案字段（");
            error.Message.ShouldEndWith("却是未知字段“employes”");
            PolicyRule.TryParse("employees >= \"many\"", Vocabulary, RuleType.Boolean, out _, out error).ShouldBeFalse();
            error!.Message.ShouldBe("应为一个数字（在“>=”右边），却是字符串 \"many\"");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("", 0, "the rule is empty")]
    [InlineData("employees >=", 12, "expected a value")]
    [InlineData("employees >= 20 and", 19, "expected a value")]
    [InlineData("employees = 20", 10, "'=='")]
    [InlineData("employees >= 20 && age > 2", 16, "expected 'and'")]
    [InlineData("(employees >= 20", 16, "')' to close the '(' at position 0")]
    [InlineData("category in [\"digital-content\"", 30, "',' or ']'")]
    [InlineData("category in \"digital-content\"", 12, "a list")]
    [InlineData("headcount >= 20", 0, "unknown field 'headcount'")]
    [InlineData("employees >= \"twenty\"", 13, "expected a number")]
    [InlineData("category == \"farming\"", 12, "expected a category")]
    [InlineData("park.name == \"Nowhere Park\"", 13, "name of a park")]
    [InlineData("has_tag(\"unicorn\")", 8, "expected a known tag")]
    [InlineData("revenue_growth(0) > 0", 15, "whole number of years")]
    [InlineData("revenue_growth() > 0", 0, "revenue_growth(n)")]
    [InlineData("frobnicate(1) > 0", 0, "unknown function 'frobnicate'")]
    [InlineData("employees >= 20 employees", 16, "expected 'and', 'or'")]
    [InlineData("employees", 0, "expected a condition")]
    [InlineData("employees >= 20 and \"x\"", 20, "on the right of 'and' but found the string")]
    [InlineData("category == \"unterminated", 12, "closing '\"'")]
    [InlineData("employees >= 20 and age # 3", 24, "character '#'")]
    [InlineData("employees >= 20 and 'x'", 20, "double quotes")]
    [InlineData("not employees", 4, "expected a condition (true or false) after 'not'")]
    [InlineData("employees in [1, \"two\"]", 17, "expected a number in the list")]
    public void Invalid_rules_name_the_position_and_what_was_expected(string text, int position, string expected)
    {
        var error = Error(text);
        error.Position.ShouldBe(position, error.ToString());
        error.Message.ShouldContain(expected, Case.Insensitive, error.ToString());
    }

    [Fact]
    public void Error_positions_carry_line_and_column()
    {
        var error = Error("employees >= 20\nand revenue_growth(1) >= 0.1\nand headcount > 3");
        (error.Line, error.Column).ShouldBe((3, 5));
        error.ToString().ShouldStartWith("At position 49 (line 3, column 5):");
    }
}
