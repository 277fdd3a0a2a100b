namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>Thrown inside the lexer, parser and checker; callers get the <see cref="RuleError"/>.</summary>
public sealed class RuleSyntaxException(RuleError error) : Exception(error.ToString())
{
    public RuleError Error { get; } = error;
}
