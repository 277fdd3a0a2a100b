using System.Globalization;

namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>Walks a rule's syntax tree over one <see cref="EnterpriseProfile"/>: slow but simple, it is
/// what explanations use and the reference the compiled form is tested against. An unavailable value
/// (revenue growth without the revenue rows) makes every comparison with it false.</summary>
public sealed class RuleEvaluator(RuleVocabulary vocabulary)
{
    public bool Matches(PolicyRule rule, EnterpriseProfile profile) => (bool)Evaluate(rule.Root, profile);

    public double Amount(PolicyRule formula, EnterpriseProfile profile) => (double)Evaluate(formula.Root, profile);

    public RuleExplanation Explain(PolicyRule rule, EnterpriseProfile profile)
    {
        var clauses = rule.Clauses
            .Select(clause => new ClauseResult(rule.Quote(clause), clause.Start, clause.End, (bool)Evaluate(clause, profile), Values(clause, profile)))
            .ToList();
        return new RuleExplanation(clauses.All(c => c.Held), clauses);
    }

    public object Evaluate(RuleNode node, EnterpriseProfile profile) => node switch
    {
        RuleNode.NumberLiteral n => n.Value,
        RuleNode.BooleanLiteral b => b.Value,
        RuleNode.StringLiteral s => s.Value,
        RuleNode.Field f => Field(f.Name, profile),
        RuleNode.Call c => Call(c, profile),
        RuleNode.Unary { Operator: "not" } u => !(bool)Evaluate(u.Operand, profile),
        RuleNode.Unary u => -(double)Evaluate(u.Operand, profile),
        RuleNode.Membership m => Membership(m, profile),
        RuleNode.Binary b => Binary(b, profile),
        _ => throw new InvalidOperationException($"Unexpected node {node.GetType().Name}."),
    };

    private object Field(string name, EnterpriseProfile p) => name switch
    {
        RuleFields.Employees => (double)p.Employees,
        RuleFields.Age => (double)(vocabulary.AsOfYear - p.FoundedYear),
        RuleFields.FoundedYear => (double)p.FoundedYear,
        RuleFields.AboveDesignatedSize => p.AboveDesignatedSize,
        RuleFields.Revenue => (double)p.LatestRevenue,
        RuleFields.Category => p.Category,
        RuleFields.ParkId => (double)p.ParkId,
        RuleFields.ParkCode => vocabulary.ParkById.TryGetValue(p.ParkId, out var park) ? park.Code : "",
        RuleFields.ParkName => vocabulary.ParkById.TryGetValue(p.ParkId, out var named) ? named.NameEn : "",
        _ => throw new InvalidOperationException($"Unknown field {name}."),
    };

    private object Call(RuleNode.Call call, EnterpriseProfile p)
    {
        switch (call.Name)
        {
            case RuleFields.RevenueGrowth: return p.RevenueGrowth((int)((RuleNode.NumberLiteral)call.Arguments[0]).Value);
            case RuleFields.HasTag: return p.Tags.Contains(((RuleNode.StringLiteral)call.Arguments[0]).Value);
            case RuleFields.Round: return Math.Round((double)Evaluate(call.Arguments[0], p), MidpointRounding.AwayFromZero);
            default:
                var values = call.Arguments.Select(a => (double)Evaluate(a, p)).ToList();
                return call.Name == RuleFields.Min ? values.Min() : values.Max();
        }
    }

    private object Membership(RuleNode.Membership m, EnterpriseProfile p)
    {
        var item = Evaluate(m.Item, p);
        var found = item is double d
            ? !double.IsNaN(d) && m.List.Items.Any(i => ((RuleNode.NumberLiteral)i).Value == d)
            : m.List.Items.Any(i => ((RuleNode.StringLiteral)i).Value == (string)item);
        if (item is double nan && double.IsNaN(nan)) return false;
        return m.Negated ? !found : found;
    }

    private object Binary(RuleNode.Binary b, EnterpriseProfile p)
    {
        switch (b.Operator)
        {
            case "and": return (bool)Evaluate(b.Left, p) && (bool)Evaluate(b.Right, p);
            case "or": return (bool)Evaluate(b.Left, p) || (bool)Evaluate(b.Right, p);
        }
        var left = Evaluate(b.Left, p);
        var right = Evaluate(b.Right, p);
        if (left is string ls) return b.Operator == "==" ? ls == (string)right : ls != (string)right;
        if (left is bool lb) return b.Operator == "==" ? lb == (bool)right : lb != (bool)right;
        var x = (double)left;
        var y = (double)right;
        return b.Operator switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => x / y,
            "<" => x < y,
            "<=" => x <= y,
            ">" => x > y,
            ">=" => x >= y,
            "==" => x == y,
            _ => x < y || x > y, // != : false when either side is unavailable (NaN)
        };
    }

    /// <summary>The profile values a clause reads, as <c>name = value</c>.</summary>
    public IReadOnlyList<string> Values(RuleNode clause, EnterpriseProfile profile)
    {
        var values = new List<string>();
        Collect(clause);
        return values.Distinct().ToList();

        void Collect(RuleNode node)
        {
            switch (node)
            {
                case RuleNode.Field f:
                    values.Add($"{f.Name} = {Format(f.Name, Field(f.Name, profile))}");
                    break;
                case RuleNode.Call { Name: RuleFields.RevenueGrowth } c:
                    var years = (int)((RuleNode.NumberLiteral)c.Arguments[0]).Value;
                    var growth = profile.RevenueGrowth(years);
                    values.Add($"revenue_growth({years}) = " + (double.IsNaN(growth)
                        ? "not available (revenue not reported for both years)"
                        : growth.ToString("0.0%", CultureInfo.InvariantCulture)));
                    break;
                case RuleNode.Call { Name: RuleFields.HasTag }:
                    values.Add("tags = " + (profile.Tags.Count == 0 ? "(none)" : string.Join(", ", profile.Tags)));
                    break;
                case RuleNode.Call c:
                    foreach (var a in c.Arguments) Collect(a);
                    break;
                case RuleNode.Unary u:
                    Collect(u.Operand);
                    break;
                case RuleNode.Membership m:
                    Collect(m.Item);
                    break;
                case RuleNode.Binary b:
                    Collect(b.Left);
                    Collect(b.Right);
                    break;
            }
        }
    }

    private static string Format(string field, object value) => value switch
    {
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d when field == RuleFields.Revenue => d.ToString("#,0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
