namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>One token of a rule; <see cref="Start"/> is the 0-based offset in the rule text.</summary>
public readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Start, double Number = 0, string? Value = null)
{
    public int End => Start + Text.Length;

    public Phrase Describe() => Kind switch
    {
        RuleTokenKind.End => new("the end of the rule"),
        RuleTokenKind.String => new("the string {0}", Text),
        RuleTokenKind.Number => new("the number {0}", Text),
        _ => new("'{0}'", Text),
    };
}
