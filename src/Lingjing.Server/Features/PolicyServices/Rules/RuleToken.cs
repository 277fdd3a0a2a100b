namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>One token of a rule; <see cref="Start"/> is the 0-based offset in the rule text.</summary>
public readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Start, double Number = 0, string? Value = null)
{
    public int End => Start + Text.Length;

    public string Describe() => Kind switch
    {
        RuleTokenKind.End => "the end of the rule",
        RuleTokenKind.String => $"the string {Text}",
        RuleTokenKind.Number => $"the number {Text}",
        RuleTokenKind.Identifier => $"'{Text}'",
        _ => $"'{Text}'",
    };
}
