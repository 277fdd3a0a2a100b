namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>Recursive-descent parser of the rule language (grammar in docs/policy-rules.md):
/// <code>
/// rule       = or
/// or         = and { "or" and }
/// and        = not { "and" not }
/// not        = "not" not | comparison
/// comparison = sum [ ("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") sum | ["not"] "in" list ]
/// sum        = product { ("+" | "-") product }
/// product    = unary { ("*" | "/") unary }
/// unary      = "-" unary | primary
/// primary    = number | string | "true" | "false" | list | name [ "(" [ rule { "," rule } ] ")" ] | "(" rule ")"
/// name       = identifier { "." identifier }
/// list       = "[" [ rule { "," rule } ] "]"
/// </code></summary>
public sealed class RuleParser
{
    private readonly string text;
    private readonly List<RuleToken> tokens;
    private int next;

    private RuleParser(string text)
    {
        this.text = text;
        tokens = RuleLexer.Tokenize(text);
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="RuleSyntaxException"/> naming the position and what was expected.</summary>
    public static RuleNode Parse(string text)
    {
        var parser = new RuleParser(text);
        if (parser.Peek.Kind == RuleTokenKind.End) throw parser.Error(parser.Peek, "expected a condition such as employees >= 20 but the rule is empty");
        var rule = parser.Or();
        if (parser.Peek.Kind != RuleTokenKind.End)
        {
            var token = parser.Peek;
            Phrase hint = token.Kind is RuleTokenKind.Identifier or RuleTokenKind.String or RuleTokenKind.Number or RuleTokenKind.OpenParen
                ? new("'and', 'or', an operator or the end of the rule")
                : new("the end of the rule");
            throw parser.Error(token, "expected {0} but found {1}", hint, token.Describe());
        }
        return rule;
    }

    private RuleToken Peek => tokens[next];

    private RuleToken Take() => tokens[next++];

    private bool TryTake(RuleTokenKind kind, out RuleToken token)
    {
        token = Peek;
        if (token.Kind != kind) return false;
        next++;
        return true;
    }

    private RuleToken Expect(RuleTokenKind kind, Phrase what)
    {
        if (TryTake(kind, out var token)) return token;
        throw Error(Peek, "expected {0} but found {1}", what, Peek.Describe());
    }

    private RuleNode Or()
    {
        var left = And();
        while (TryTake(RuleTokenKind.Or, out _))
        {
            var right = And();
            left = new RuleNode.Binary("or", left, right, left.Start, right.End);
        }
        return left;
    }

    private RuleNode And()
    {
        var left = Not();
        while (TryTake(RuleTokenKind.And, out _))
        {
            var right = Not();
            left = new RuleNode.Binary("and", left, right, left.Start, right.End);
        }
        return left;
    }

    private RuleNode Not()
    {
        if (TryTake(RuleTokenKind.Not, out var not))
        {
            var operand = Not();
            return new RuleNode.Unary("not", operand, not.Start, operand.End);
        }
        return Comparison();
    }

    private RuleNode Comparison()
    {
        var left = Sum();
        var token = Peek;
        switch (token.Kind)
        {
            case RuleTokenKind.Equal or RuleTokenKind.NotEqual or RuleTokenKind.Less or RuleTokenKind.LessOrEqual
                or RuleTokenKind.Greater or RuleTokenKind.GreaterOrEqual:
                Take();
                var right = Sum();
                return new RuleNode.Binary(token.Text, left, right, left.Start, right.End);
            case RuleTokenKind.In:
                Take();
                var list = List(new("a list such as [\"digital-content\", \"creative-design\"] after 'in'"));
                return new RuleNode.Membership(left, list, false, left.Start, list.End);
            case RuleTokenKind.Not when tokens[next + 1].Kind == RuleTokenKind.In:
                Take();
                Take();
                var excluded = List(new("a list such as [\"digital-content\", \"creative-design\"] after 'not in'"));
                return new RuleNode.Membership(left, excluded, true, left.Start, excluded.End);
            default:
                return left;
        }
    }

    private RuleNode Sum()
    {
        var left = Product();
        while (Peek.Kind is RuleTokenKind.Plus or RuleTokenKind.Minus)
        {
            var op = Take();
            var right = Product();
            left = new RuleNode.Binary(op.Text, left, right, left.Start, right.End);
        }
        return left;
    }

    private RuleNode Product()
    {
        var left = UnaryMinus();
        while (Peek.Kind is RuleTokenKind.Star or RuleTokenKind.Slash)
        {
            var op = Take();
            var right = UnaryMinus();
            left = new RuleNode.Binary(op.Text, left, right, left.Start, right.End);
        }
        return left;
    }

    private RuleNode UnaryMinus()
    {
        if (TryTake(RuleTokenKind.Minus, out var minus))
        {
            var operand = UnaryMinus();
            return operand is RuleNode.NumberLiteral number
                ? new RuleNode.NumberLiteral(-number.Value, minus.Start, number.End)
                : new RuleNode.Unary("-", operand, minus.Start, operand.End);
        }
        return Primary();
    }

    private RuleNode Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case RuleTokenKind.Number:
                Take();
                return new RuleNode.NumberLiteral(token.Number, token.Start, token.End);
            case RuleTokenKind.String:
                Take();
                return new RuleNode.StringLiteral(token.Value!, token.Start, token.End);
            case RuleTokenKind.True or RuleTokenKind.False:
                Take();
                return new RuleNode.BooleanLiteral(token.Kind == RuleTokenKind.True, token.Start, token.End);
            case RuleTokenKind.OpenBracket:
                return List(new("a list"));
            case RuleTokenKind.OpenParen:
                Take();
                var inner = Or();
                Expect(RuleTokenKind.CloseParen, new("')' to close the '(' at position {0}", token.Start));
                return inner;
            case RuleTokenKind.Identifier:
                return NameOrCall();
            default:
                throw Error(token, "expected a value (a field such as employees, a number, a string, a list, true, false or '(') but found {0}", token.Describe());
        }
    }

    private RuleNode NameOrCall()
    {
        var first = Take();
        var name = first.Text;
        var end = first.End;
        while (TryTake(RuleTokenKind.Dot, out _))
        {
            var part = Expect(RuleTokenKind.Identifier, new("a field name after '{0}.'", name));
            name += "." + part.Text;
            end = part.End;
        }
        if (!TryTake(RuleTokenKind.OpenParen, out _)) return new RuleNode.Field(name, first.Start, end);

        var arguments = new List<RuleNode>();
        if (!TryTake(RuleTokenKind.CloseParen, out var close))
        {
            do arguments.Add(Or());
            while (TryTake(RuleTokenKind.Comma, out _));
            close = Expect(RuleTokenKind.CloseParen, new("',' or ')' to close the arguments of {0}(", name));
        }
        return new RuleNode.Call(name, arguments, first.Start, close.End);
    }

    private RuleNode.ListLiteral List(Phrase what)
    {
        var open = Expect(RuleTokenKind.OpenBracket, what);
        var items = new List<RuleNode>();
        if (TryTake(RuleTokenKind.CloseBracket, out var close)) return new RuleNode.ListLiteral(items, open.Start, close.End);
        do items.Add(Or());
        while (TryTake(RuleTokenKind.Comma, out _));
        close = Expect(RuleTokenKind.CloseBracket, new("',' or ']' to close the list that starts at position {0}", open.Start));
        return new RuleNode.ListLiteral(items, open.Start, close.End);
    }

    private RuleSyntaxException Error(RuleToken at, string message, params object?[] args) =>
        new(RuleError.At(text, at.Start, new Phrase(message, args)));
}
