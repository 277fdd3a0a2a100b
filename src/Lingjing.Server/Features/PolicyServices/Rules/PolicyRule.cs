namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>A parsed and checked rule (a condition) or benefit formula (a number). The clauses are
/// the operands of the top-level <c>and</c>s: what explanations report one by one.</summary>
public sealed class PolicyRule
{
    private PolicyRule(string text, RuleNode root, RuleType type)
    {
        Text = text;
        Root = root;
        Type = type;
        Clauses = type == RuleType.Boolean ? Flatten(root).ToList() : [root];
    }

    public string Text { get; }
    public RuleNode Root { get; }
    public RuleType Type { get; }
    public IReadOnlyList<RuleNode> Clauses { get; }

    /// <summary>The clause as written in the rule text.</summary>
    public string Quote(RuleNode node) => Text[node.Start..node.End];

    public static PolicyRule Parse(string text, RuleVocabulary vocabulary) => Parse(text, vocabulary, RuleType.Boolean);

    public static PolicyRule ParseFormula(string text, RuleVocabulary vocabulary) => Parse(text, vocabulary, RuleType.Number);

    public static bool TryParse(string text, RuleVocabulary vocabulary, RuleType type, out PolicyRule? rule, out RuleError? error)
    {
        try
        {
            rule = Parse(text, vocabulary, type);
            error = null;
            return true;
        }
        catch (RuleSyntaxException e)
        {
            rule = null;
            error = e.Error;
            return false;
        }
    }

    private static PolicyRule Parse(string text, RuleVocabulary vocabulary, RuleType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = RuleParser.Parse(text);
        var checkedRoot = new RuleChecker(text, vocabulary).Check(parsed, type);
        return new PolicyRule(text, checkedRoot, type);
    }

    private static IEnumerable<RuleNode> Flatten(RuleNode node) =>
        node is RuleNode.Binary { Operator: "and" } and ? Flatten(and.Left).Concat(Flatten(and.Right)) : [node];
}
