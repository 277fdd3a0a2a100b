using System.Globalization;
using System.Text;

namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>Splits rule text into tokens. Whitespace (including new lines) separates tokens; strings are
/// in double quotes with <c>\"</c> and <c>\\</c> escapes; numbers are decimal, optionally with a
/// fraction, an exponent or a trailing <c>%</c> (<c>10%</c> is 0.10).</summary>
public static class RuleLexer
{
    private static readonly Dictionary<string, RuleTokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = RuleTokenKind.And,
        ["or"] = RuleTokenKind.Or,
        ["not"] = RuleTokenKind.Not,
        ["in"] = RuleTokenKind.In,
        ["true"] = RuleTokenKind.True,
        ["false"] = RuleTokenKind.False,
    };

    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length)
            {
                tokens.Add(new RuleToken(RuleTokenKind.End, "", text.Length));
                return tokens;
            }
            var c = text[i];
            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(Number(text, ref i));
            }
            else if (c == '"')
            {
                tokens.Add(StringLiteral(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                var word = text[start..i];
                tokens.Add(new RuleToken(Keywords.GetValueOrDefault(word, RuleTokenKind.Identifier), word, start));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                RuleTokenKind? kind = two switch
                {
                    "==" => RuleTokenKind.Equal,
                    "!=" => RuleTokenKind.NotEqual,
                    "<=" => RuleTokenKind.LessOrEqual,
                    ">=" => RuleTokenKind.GreaterOrEqual,
                    _ => null,
                };
                if (kind is { } pair)
                {
                    tokens.Add(new RuleToken(pair, two, start));
                    i += 2;
                    continue;
                }
                RuleTokenKind single = c switch
                {
                    '<' => RuleTokenKind.Less,
                    '>' => RuleTokenKind.Greater,
                    '+' => RuleTokenKind.Plus,
                    '-' => RuleTokenKind.Minus,
                    '*' => RuleTokenKind.Star,
                    '/' => RuleTokenKind.Slash,
                    '(' => RuleTokenKind.OpenParen,
                    ')' => RuleTokenKind.CloseParen,
                    '[' => RuleTokenKind.OpenBracket,
                    ']' => RuleTokenKind.CloseBracket,
                    ',' => RuleTokenKind.Comma,
                    '.' => RuleTokenKind.Dot,
                    '=' => throw Error(text, i, "expected '==' (comparison is written with two equals signs) but found a single '='"),
                    '&' => throw Error(text, i, "expected 'and' but found '&'"),
                    '|' => throw Error(text, i, "expected 'or' but found '|'"),
                    '!' => throw Error(text, i, "expected '!=' or 'not' but found '!'"),
                    '\'' => throw Error(text, i, "expected a string in double quotes (\"...\") but found a single quote"),
                    _ => throw Error(text, i, "expected a field, number, string, operator or parenthesis but found the character '{0}'", c),
                };
                tokens.Add(new RuleToken(single, c.ToString(), start));
                i++;
            }
        }
    }

    private static RuleToken Number(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-')) j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }
        var value = double.Parse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (i < text.Length && text[i] == '%')
        {
            i++;
            value /= 100;
        }
        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
            throw Error(text, i, "expected an operator or the end of the rule after the number {0} but found '{1}'", text[start..i], text[i]);
        return new RuleToken(RuleTokenKind.Number, text[start..i], start, value);
    }

    private static RuleToken StringLiteral(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length) throw Error(text, start, "expected a closing '\"' for the string that starts here but the rule ended");
            var c = text[i];
            if (c == '"')
            {
                i++;
                return new RuleToken(RuleTokenKind.String, text[start..i], start, Value: value.ToString());
            }
            if (c == '\n') throw Error(text, start, "expected a closing '\"' on the same line for the string that starts here");
            if (c == '\\')
            {
                if (i + 1 >= text.Length || (text[i + 1] != '"' && text[i + 1] != '\\'))
                    throw Error(text, i, "expected \\\" or \\\\ after a backslash in a string");
                value.Append(text[i + 1]);
                i += 2;
                continue;
            }
            value.Append(c);
            i++;
        }
    }

    private static RuleSyntaxException Error(string text, int position, string message, params object?[] args) =>
        new(RuleError.At(text, position, new Phrase(message, args)));
}
