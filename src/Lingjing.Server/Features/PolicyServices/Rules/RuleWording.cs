using System.Globalization;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>A rule's clauses in plain words, in English and Chinese, for people who do not read the rule
/// language (the public catalogue). Comparisons, lists, tags, categories and parks are worded; anything
/// else (arithmetic) is quoted as written.</summary>
public sealed class RuleWording(RuleVocabulary vocabulary)
{
    public sealed record Clause(string En, string Zh, string Source);

    public IReadOnlyList<Clause> Clauses(PolicyRule rule) =>
        rule.Clauses.Select(c => new Clause(Words(c, rule, zh: false), Words(c, rule, zh: true), rule.Quote(c))).ToList();

    private string Words(RuleNode node, PolicyRule rule, bool zh) => node switch
    {
        RuleNode.Binary { Operator: "and" } b => zh ? $"{Words(b.Left, rule, zh)}，并且{Words(b.Right, rule, zh)}" : $"{Words(b.Left, rule, zh)}, and {Words(b.Right, rule, zh)}",
        RuleNode.Binary { Operator: "or" } b => zh ? $"{Words(b.Left, rule, zh)}，或{Words(b.Right, rule, zh)}" : $"{Words(b.Left, rule, zh)}, or {Words(b.Right, rule, zh)}",
        RuleNode.Unary { Operator: "not", Operand: RuleNode.Field { Name: RuleFields.AboveDesignatedSize } } => zh ? "规模以下企业" : "below designated size",
        RuleNode.Unary { Operator: "not" } u => zh ? $"不满足：{Words(u.Operand, rule, zh)}" : $"not: {Words(u.Operand, rule, zh)}",
        RuleNode.Field { Name: RuleFields.AboveDesignatedSize } => zh ? "规模以上企业" : "above designated size",
        RuleNode.BooleanLiteral { Value: true } => zh ? "所有企业" : "every enterprise",
        RuleNode.BooleanLiteral => zh ? "没有企业" : "no enterprise",
        RuleNode.Call { Name: RuleFields.HasTag } c => zh ? $"具有“{Tag(c, zh)}”资质" : $"recognised as “{Tag(c, zh)}”",
        RuleNode.Membership m when Subject(m.Item, zh) is { } subject => zh
            ? $"{subject}{(m.Negated ? "不属于" : "属于")}{string.Join("、", m.List.Items.Select(i => Value(m.Item, i, zh)))}"
            : $"{subject} is {(m.Negated ? "none" : "one")} of {string.Join(", ", m.List.Items.Select(i => Value(m.Item, i, zh)))}",
        RuleNode.Binary b when Comparison(b.Operator, zh) is { } verb && Subject(b.Left, zh) is { } subject && IsLiteral(b.Right) =>
            zh ? $"{subject}{verb}{Value(b.Left, b.Right, zh)}" : $"{subject} {verb} {Value(b.Left, b.Right, zh)}",
        _ => rule.Quote(node),
    };

    private static string Tag(RuleNode.Call call, bool zh)
    {
        var tag = ((RuleNode.StringLiteral)call.Arguments[0]).Value;
        return EnterpriseTags.Name(tag, zh);
    }

    private static string? Comparison(string op, bool zh) => op switch
    {
        ">=" => zh ? "不低于" : "at least",
        ">" => zh ? "高于" : "more than",
        "<=" => zh ? "不高于" : "at most",
        "<" => zh ? "低于" : "less than",
        "==" => zh ? "为" : "is",
        "!=" => zh ? "不为" : "is not",
        _ => null,
    };

    private static bool IsLiteral(RuleNode node) => node is RuleNode.NumberLiteral or RuleNode.StringLiteral or RuleNode.BooleanLiteral;

    private static string? Subject(RuleNode node, bool zh) => node switch
    {
        RuleNode.Field { Name: RuleFields.Employees } => zh ? "员工人数" : "employees",
        RuleNode.Field { Name: RuleFields.Age } => zh ? "成立年限" : "years since founding",
        RuleNode.Field { Name: RuleFields.FoundedYear } => zh ? "成立年份" : "year founded",
        RuleNode.Field { Name: RuleFields.Revenue } => zh ? "最近一年营业收入" : "revenue of the latest year",
        RuleNode.Field { Name: RuleFields.Category } => zh ? "行业类别" : "category",
        RuleNode.Field { Name: RuleFields.AboveDesignatedSize } => zh ? "规模以上" : "above designated size",
        RuleNode.Field { Name: RuleFields.ParkId or RuleFields.ParkCode or RuleFields.ParkName } => zh ? "所在园区" : "park",
        RuleNode.Call { Name: RuleFields.RevenueGrowth, Arguments: [RuleNode.NumberLiteral years] } => zh
            ? $"近{years.Value:0}年营业收入增长率"
            : $"revenue growth over {years.Value:0} year{(years.Value == 1 ? "" : "s")}",
        _ => null,
    };

    /// <summary>A literal worded for the field it is compared with: amounts in yuan, growth in percent, names of categories and parks.</summary>
    private string Value(RuleNode subject, RuleNode literal, bool zh)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (literal)
        {
            case RuleNode.BooleanLiteral b:
                return b.Value ? (zh ? "是" : "true") : (zh ? "否" : "false");
            case RuleNode.NumberLiteral n when subject is RuleNode.Call { Name: RuleFields.RevenueGrowth }:
                return (n.Value * 100).ToString("0.##", invariant) + "%";
            case RuleNode.NumberLiteral n when subject is RuleNode.Field { Name: RuleFields.Revenue }:
                return n.Value.ToString("#,0", invariant) + (zh ? " 元" : " yuan");
            case RuleNode.NumberLiteral n when subject is RuleNode.Field { Name: RuleFields.ParkId } && vocabulary.ParkById.TryGetValue((int)n.Value, out var byId):
                return zh ? byId.NameZh : byId.NameEn;
            case RuleNode.NumberLiteral n:
                return n.Value.ToString("#,0.##", invariant);
            case RuleNode.StringLiteral s when subject is RuleNode.Field { Name: RuleFields.Category }:
                return EnterpriseCategories.Find(s.Value) is { } category ? (zh ? category.NameZh : category.NameEn) : s.Value;
            case RuleNode.StringLiteral s when subject is RuleNode.Field { Name: RuleFields.ParkName }:
                return vocabulary.ParkByName(s.Value) is { } park ? (zh ? park.NameZh : park.NameEn) : s.Value;
            case RuleNode.StringLiteral s when subject is RuleNode.Field { Name: RuleFields.ParkCode }:
                return vocabulary.ParkByCode(s.Value) is { } coded ? (zh ? coded.NameZh : coded.NameEn) : s.Value;
            case RuleNode.StringLiteral s:
                return s.Value;
            default:
                return "";
        }
    }
}
