namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>Checks the types of a parsed rule and canonicalizes its names against a
/// <see cref="RuleVocabulary"/>: <c>"digital content"</c> compared with <c>category</c> becomes the
/// code <c>digital-content</c>, a park's Chinese name becomes its English name, and so on. Throws
/// <see cref="RuleSyntaxException"/> naming the position of the offending part.</summary>
public sealed class RuleChecker(string text, RuleVocabulary vocabulary)
{
    public RuleNode Check(RuleNode root, RuleType expected)
    {
        var (node, type) = Visit(root);
        if (type != expected)
            throw expected == RuleType.Boolean
                ? Error(root, "expected a condition (true or false) but this is {0}", Describe(type))
                : Error(root, "expected a number but this is {0}", Describe(type));
        return node;
    }

    private (RuleNode Node, RuleType Type) Visit(RuleNode node)
    {
        switch (node)
        {
            case RuleNode.NumberLiteral: return (node, RuleType.Number);
            case RuleNode.BooleanLiteral: return (node, RuleType.Boolean);
            case RuleNode.StringLiteral:
                throw Error(node, "expected a string only where it is compared with a text field (category, park.name, park.code), in a list after 'in', or in has_tag(...)");
            case RuleNode.ListLiteral:
                throw Error(node, "expected a list only after 'in'");
            case RuleNode.Field field:
                return RuleFields.Types.TryGetValue(field.Name, out var fieldType)
                    ? (node, fieldType)
                    : throw Error(node, "expected a profile field ({0}) but found the unknown field '{1}'", RuleFields.FieldList, field.Name);
            case RuleNode.Call call: return VisitCall(call);
            case RuleNode.Unary { Operator: "not" } not:
                return (not with { Operand = Expect(not.Operand, RuleType.Boolean, new("after 'not'")) }, RuleType.Boolean);
            case RuleNode.Unary minus:
                return (minus with { Operand = Expect(minus.Operand, RuleType.Number, new("after '-'")) }, RuleType.Number);
            case RuleNode.Membership membership: return VisitMembership(membership);
            case RuleNode.Binary binary: return VisitBinary(binary);
            default: throw Error(node, "expected a condition");
        }
    }

    private (RuleNode, RuleType) VisitBinary(RuleNode.Binary binary)
    {
        switch (binary.Operator)
        {
            case "and" or "or":
                return (binary with
                {
                    Left = Expect(binary.Left, RuleType.Boolean, new("on the left of '{0}'", binary.Operator)),
                    Right = Expect(binary.Right, RuleType.Boolean, new("on the right of '{0}'", binary.Operator)),
                }, RuleType.Boolean);
            case "+" or "-" or "*" or "/":
                return (binary with
                {
                    Left = Expect(binary.Left, RuleType.Number, new("on the left of '{0}'", binary.Operator)),
                    Right = Expect(binary.Right, RuleType.Number, new("on the right of '{0}'", binary.Operator)),
                }, RuleType.Number);
            case "<" or "<=" or ">" or ">=":
                return (binary with
                {
                    Left = Expect(binary.Left, RuleType.Number, new("on the left of '{0}'", binary.Operator)),
                    Right = Expect(binary.Right, RuleType.Number, new("on the right of '{0}'", binary.Operator)),
                }, RuleType.Boolean);
            default: // == !=
                if (binary.Left is RuleNode.StringLiteral && binary.Right is RuleNode.Field)
                    binary = binary with { Left = binary.Right, Right = binary.Left };
                if (binary.Left is RuleNode.Field { Name: var name } field && RuleFields.Types.GetValueOrDefault(name) == RuleType.String)
                {
                    if (binary.Right is not RuleNode.StringLiteral literal)
                        throw Error(binary.Right, "expected a string in double quotes to compare with {0}", name);
                    return (binary with { Left = field, Right = Canonical(name, literal) }, RuleType.Boolean);
                }
                var (left, leftType) = Visit(binary.Left);
                if (leftType is not (RuleType.Number or RuleType.Boolean))
                    throw Error(binary.Left, "expected a number or condition on the left of '{0}'", binary.Operator);
                var right = Expect(binary.Right, leftType, new("on the right of '{0}' (the left side is {1})", binary.Operator, Describe(leftType)));
                return (binary with { Left = left, Right = right }, RuleType.Boolean);
        }
    }

    private (RuleNode, RuleType) VisitMembership(RuleNode.Membership membership)
    {
        if (membership.Item is RuleNode.Field { Name: var name } field && RuleFields.Types.GetValueOrDefault(name) == RuleType.String)
        {
            var items = membership.List.Items.Select(item => item is RuleNode.StringLiteral literal
                    ? Canonical(name, literal)
                    : throw Error(item, "expected a string in double quotes in the list of {0} values", name))
                .ToList();
            return (membership with { Item = field, List = membership.List with { Items = items } }, RuleType.Boolean);
        }
        var item = Expect(membership.Item, RuleType.Number, new("before 'in' (a number, or one of the text fields category, park.name, park.code)"));
        foreach (var value in membership.List.Items)
            if (value is not RuleNode.NumberLiteral)
                throw Error(value, "expected a number in the list");
        return (membership with { Item = item }, RuleType.Boolean);
    }

    private (RuleNode, RuleType) VisitCall(RuleNode.Call call)
    {
        switch (call.Name)
        {
            case RuleFields.RevenueGrowth:
                if (call.Arguments is not [RuleNode.NumberLiteral { Value: var years } argument])
                    throw Error(call, "expected revenue_growth(n) with one whole number of years from 1 to {0}", RuleVocabulary.MaxGrowthYears);
                if (years != Math.Floor(years) || years < 1 || years > RuleVocabulary.MaxGrowthYears)
                    throw Error(argument, "expected a whole number of years from 1 to {0} but found {1}", RuleVocabulary.MaxGrowthYears, argument.Value);
                return (call, RuleType.Number);
            case RuleFields.HasTag:
                if (call.Arguments is not [RuleNode.StringLiteral tag])
                    throw Error(call, "expected has_tag(\"tag\") with one tag in double quotes");
                var canonical = vocabulary.CanonicalTag(tag.Value)
                    ?? throw Error(tag, "expected a known tag ({0}) but found \"{1}\"", string.Join(", ", vocabulary.Tags), tag.Value);
                return (call with { Arguments = [tag with { Value = canonical }] }, RuleType.Boolean);
            case RuleFields.Min or RuleFields.Max:
                if (call.Arguments.Count < 2) throw Error(call, "expected {0}(a, b, ...) with at least two numbers", call.Name);
                return (call with { Arguments = call.Arguments.Select(a => Expect(a, RuleType.Number, new("as an argument of {0}", call.Name))).ToList() }, RuleType.Number);
            case RuleFields.Round:
                if (call.Arguments.Count != 1) throw Error(call, "expected round(x) with one number");
                return (call with { Arguments = [Expect(call.Arguments[0], RuleType.Number, new("as the argument of round"))] }, RuleType.Number);
            default:
                throw Error(call, "expected a function ({0}) but found the unknown function '{1}'", string.Join(", ", RuleFields.Functions), call.Name);
        }
    }

    private RuleNode.StringLiteral Canonical(string field, RuleNode.StringLiteral literal)
    {
        string? value = field switch
        {
            RuleFields.Category => vocabulary.CanonicalCategory(literal.Value),
            RuleFields.ParkName => vocabulary.ParkByName(literal.Value)?.NameEn,
            RuleFields.ParkCode => vocabulary.ParkByCode(literal.Value)?.Code,
            _ => null,
        };
        if (value is not null) return literal with { Value = value };
        Phrase expected = field switch
        {
            RuleFields.Category => new("a category ({0})", string.Join(", ", Zone.EnterpriseCategories.All.Select(c => c.Code))),
            RuleFields.ParkName => new("the English or Chinese name of a park of the zone"),
            _ => new("the code of a park of the zone"),
        };
        throw Error(literal, "expected {0} but found \"{1}\"", expected, literal.Value);
    }

    private RuleNode Expect(RuleNode node, RuleType type, Phrase where)
    {
        if (node is RuleNode.StringLiteral literal)
            throw Error(node, "expected {0} {1} but found the string \"{2}\"", Describe(type), where, literal.Value);
        var (checkedNode, actual) = Visit(node);
        if (actual != type) throw Error(node, "expected {0} {1} but found {2}", Describe(type), where, Describe(actual));
        return checkedNode;
    }

    private static Phrase Describe(RuleType type) => type switch
    {
        RuleType.Number => new("a number"),
        RuleType.Boolean => new("a condition (true or false)"),
        RuleType.String => new("text"),
        _ => new("a list"),
    };

    private RuleSyntaxException Error(RuleNode at, string message, params object?[] args) =>
        new(RuleError.At(text, at.Start, new Phrase(message, args)));
}
