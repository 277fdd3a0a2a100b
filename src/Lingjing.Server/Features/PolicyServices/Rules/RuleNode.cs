namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>The syntax tree of a rule. Every node knows its span [Start, End) in the rule text, so an
/// explanation can quote the clause as written.</summary>
public abstract record RuleNode(int Start, int End)
{
    public sealed record NumberLiteral(double Value, int Start, int End) : RuleNode(Start, End);

    /// <param name="Value">The text as written; the checker may canonicalize it (e.g. a category name to its code).</param>
    public sealed record StringLiteral(string Value, int Start, int End) : RuleNode(Start, End);

    public sealed record BooleanLiteral(bool Value, int Start, int End) : RuleNode(Start, End);

    public sealed record ListLiteral(IReadOnlyList<RuleNode> Items, int Start, int End) : RuleNode(Start, End);

    /// <param name="Name">Dotted path such as <c>employees</c> or <c>park.name</c>.</param>
    public sealed record Field(string Name, int Start, int End) : RuleNode(Start, End);

    public sealed record Call(string Name, IReadOnlyList<RuleNode> Arguments, int Start, int End) : RuleNode(Start, End);

    /// <param name="Operator"><c>not</c> or <c>-</c>.</param>
    public sealed record Unary(string Operator, RuleNode Operand, int Start, int End) : RuleNode(Start, End);

    /// <param name="Operator"><c>and or == != &lt; &lt;= &gt; &gt;= + - * /</c>.</param>
    public sealed record Binary(string Operator, RuleNode Left, RuleNode Right, int Start, int End) : RuleNode(Start, End);

    public sealed record Membership(RuleNode Item, ListLiteral List, bool Negated, int Start, int End) : RuleNode(Start, End);
}
