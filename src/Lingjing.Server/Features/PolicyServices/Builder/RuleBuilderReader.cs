using System.Globalization;
using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.PolicyServices.Builder;

/// <summary>The policy editor's rule builder, server side: which facts it offers (in the reader's language)
/// and reading an existing rule back into builder form. The builder itself writes the rule text in the
/// browser (src/policies/rule-builder.ts); this reads what the one parser accepts, so there is no second
/// parser of the rule language.</summary>
public static class RuleBuilderReader
{
    private static readonly string[] Comparisons = [">=", ">", "<=", "<", "==", "!="];
    private static readonly string[] NumberFacts = [RuleFields.Employees, RuleFields.Revenue, RuleFields.Age, RuleFields.FoundedYear];
    public const int GrowthYears = 3;

    public static IReadOnlyList<BuilderFact> Facts(RuleVocabulary vocabulary, bool zh, Func<string, string> tagLabel)
    {
        string T(string en, string chinese) => zh ? chinese : en;
        var facts = new List<BuilderFact>
        {
            new(RuleFields.Category, T("Category", "行业类别"), "choices",
                EnterpriseCategories.All.Select(c => new BuilderChoice(c.Code, zh ? c.NameZh : c.NameEn)).ToList()),
            new(RuleFields.Employees, T("Employees", "员工人数"), "number"),
            new(RuleFields.Revenue, T("Revenue of the latest year (yuan)", "最近一年营业收入（元）"), "yuan"),
        };
        for (var years = 1; years <= GrowthYears; years++)
            facts.Add(new($"{RuleFields.RevenueGrowth}({years})", zh ? $"近{years}年营业收入增长率（%）" : $"Revenue growth over {years} year{(years == 1 ? "" : "s")} (%)", "percent"));
        facts.Add(new(RuleFields.Age, T("Years since founding", "成立年限"), "years"));
        facts.Add(new(RuleFields.FoundedYear, T("Year founded", "成立年份"), "number"));
        facts.Add(new(RuleFields.AboveDesignatedSize, T("Above designated size", "规模以上企业"), "yesno"));
        facts.Add(new(RuleFields.ParkCode, T("Park", "所在园区"), "choices",
            vocabulary.Parks.Select(p => new BuilderChoice(p.Code, zh ? p.NameZh : p.NameEn)).ToList()));
        facts.Add(new(RuleFields.HasTag, T("Recognised as", "资质"), "choice",
            vocabulary.Tags.Select(t => new BuilderChoice(t, tagLabel(t))).ToList()));
        return facts;
    }

    public static BuilderReading Read(string text, RuleVocabulary vocabulary)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(true, new BuilderRule(BuilderRule.All, []), null);
        if (!PolicyRule.TryParse(text, vocabulary, RuleType.Boolean, out var rule, out var error))
            return new(false, null, new Phrase("Line {0}, column {1}: {2}", error!.Line, error.Column, error.Message).Localized());
        var combine = rule!.Root is RuleNode.Binary { Operator: "or" } ? BuilderRule.Any : BuilderRule.All;
        var clauses = Flatten(rule.Root, combine == BuilderRule.Any ? "or" : "and").ToList();
        var conditions = new List<BuilderCondition>();
        foreach (var clause in clauses)
        {
            if (Condition(clause, vocabulary) is not { } condition)
                return new(false, null, $"The builder cannot show this part: {rule.Quote(clause)}");
            conditions.Add(condition);
        }
        return new(true, new BuilderRule(combine, conditions), null);
    }

    private static IEnumerable<RuleNode> Flatten(RuleNode node, string op) =>
        node is RuleNode.Binary b && b.Operator == op ? Flatten(b.Left, op).Concat(Flatten(b.Right, op)) : [node];

    private static BuilderCondition? Condition(RuleNode node, RuleVocabulary vocabulary) => node switch
    {
        RuleNode.Field { Name: RuleFields.AboveDesignatedSize } => new(RuleFields.AboveDesignatedSize, "is", []),
        RuleNode.Unary { Operator: "not", Operand: RuleNode.Field { Name: RuleFields.AboveDesignatedSize } } => new(RuleFields.AboveDesignatedSize, "is not", []),
        RuleNode.Call { Name: RuleFields.HasTag, Arguments: [RuleNode.StringLiteral tag] } => new(RuleFields.HasTag, "is", [tag.Value]),
        RuleNode.Unary { Operator: "not", Operand: RuleNode.Call { Name: RuleFields.HasTag, Arguments: [RuleNode.StringLiteral tag] } } => new(RuleFields.HasTag, "is not", [tag.Value]),
        RuleNode.Binary { Left: RuleNode.Field f, Right: RuleNode.NumberLiteral n } b when NumberFacts.Contains(f.Name) && Comparisons.Contains(b.Operator) =>
            new(f.Name, b.Operator, [Number(n.Value)]),
        RuleNode.Binary { Left: RuleNode.Call { Name: RuleFields.RevenueGrowth, Arguments: [RuleNode.NumberLiteral years] }, Right: RuleNode.NumberLiteral n } b
            when Comparisons.Contains(b.Operator) && years.Value is >= 1 and <= GrowthYears && years.Value == Math.Floor(years.Value) =>
            new($"{RuleFields.RevenueGrowth}({years.Value:0})", b.Operator, [Number(n.Value * 100)]),
        RuleNode.Binary { Operator: "==" or "!=", Left: RuleNode.Field f, Right: RuleNode.StringLiteral s } b when Choice(f.Name, s, vocabulary) is { } one =>
            new(Key(f.Name), b.Operator == "==" ? "in" : "not in", [one]),
        RuleNode.Membership { Item: RuleNode.Field f } m when m.List.Items.Select(i => Choice(f.Name, i, vocabulary)).ToList() is var values && values.All(v => v is not null) && values.Count > 0 =>
            new(Key(f.Name), m.Negated ? "not in" : "in", values!),
        _ => null,
    };

    // Parks are offered by code; a rule may name them by name or id.
    private static string Key(string field) => field is RuleFields.ParkName or RuleFields.ParkId ? RuleFields.ParkCode : field;

    private static string? Choice(string field, RuleNode value, RuleVocabulary vocabulary) => (field, value) switch
    {
        (RuleFields.Category, RuleNode.StringLiteral s) => vocabulary.CanonicalCategory(s.Value),
        (RuleFields.ParkCode, RuleNode.StringLiteral s) => vocabulary.ParkByCode(s.Value)?.Code,
        (RuleFields.ParkName, RuleNode.StringLiteral s) => vocabulary.ParkByName(s.Value)?.Code,
        (RuleFields.ParkId, RuleNode.NumberLiteral n) => vocabulary.ParkById.TryGetValue((int)n.Value, out var park) ? park.Code : null,
        _ => null,
    };

    private static string Number(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
