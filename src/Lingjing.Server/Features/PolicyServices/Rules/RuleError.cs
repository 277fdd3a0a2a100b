namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>Why a rule was refused: where (0-based <see cref="Position"/>, 1-based line and column),
/// what was expected there and what was found, in the reader's language (the rule language's own words,
/// field names, functions and operators, stay as they are written).</summary>
public sealed record RuleError(int Position, int Line, int Column, string Message)
{
    public static RuleError At(string text, int position, Phrase message)
    {
        position = Math.Clamp(position, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
        {
            if (text[i] != '\n') continue;
            line++;
            lineStart = i + 1;
        }
        return new RuleError(position, line, position - lineStart + 1, message.Localized());
    }

    public override string ToString() => $"At position {Position} (line {Line}, column {Column}): {Message}";
}
