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
            throw Error(root, expected == RuleType.Boolean
                ? $"expected a condition (true or false) but this is {Describe(type)}"
                : $"expected a number but this is {Describe(type)}");
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
                    : throw Error(node, $"expected a profile field ({RuleFields.FieldList}) but found the unknown field '{field.Name}'");
            case RuleNode.Call call: return VisitCall(call);
            case RuleNode.Unary { Operator: "not" } not:
                return (not with { Operand = Expect(not.Operand, RuleType.Boolean, "after 'not'") }, RuleType.Boolean);
            case RuleNode.Unary minus:
                return (minus with { Operand = Expect(minus.Operand, RuleType.Number, "after '-'") }, RuleType.Number);
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
                    Left = Expect(binary.Left, RuleType.Boolean, $"on the left of '{binary.Operator}'"),
                    Right = Expect(binary.Right, RuleType.Boolean, $"on the right of '{binary.Operator}'"),
                }, RuleType.Boolean);
            case "+" or "-" or "*" or "/":
                return (binary with
                {
                    Left = Expect(binary.Left, RuleType.Number, $"on the left of '{binary.Operator}'"),
                    Right = Expect(binary.Right, RuleType.Number, $"on the right of '{binary.Operator}'"),
                }, RuleType.Number);
            case "<" or "<=" or ">" or ">=":
                return (binary with
                {
                    Left = Expect(binary.Left, RuleType.Number, $"on the left of '{binary.Operator}'"),
                    Right = Expect(binary.Right, RuleType.Number, $"on the right of '{binary.Operator}'"),
                }, RuleType.Boolean);
            default: // == !=
                if (binary.Left is RuleNode.StringLiteral && binary.Right is RuleNode.Field)
                    binary = binary with { Left = binary.Right, Right = binary.Left };
                if (binary.Left is RuleNode.Field { Name: var name } field && RuleFields.Types.GetValueOrDefault(name) == RuleType.String)
                {
                    if (binary.Right is not RuleNode.StringLiteral literal)
                        throw Error(binary.Right, $"expected a string in double quotes to compare with {name}");
                    return (binary with { Left = field, Right = Canonical(name, literal) }, RuleType.Boolean);
                }
                var (left, leftType) = Visit(binary.Left);
                if (leftType is not (RuleType.Number or RuleType.Boolean))
                    throw Error(binary.Left, $"expected a number or condition on the left of '{binary.Operator}'");
                var right = Expect(binary.Right, leftType, $"on the right of '{binary.Operator}' (the left side is {Describe(leftType)})");
                return (binary with { Left = left, Right = right }, RuleType.Boolean);
        }
    }

    private (RuleNode, RuleType) VisitMembership(RuleNode.Membership membership)
    {
        if (membership.Item is RuleNode.Field { Name: var name } field && RuleFields.Types.GetValueOrDefault(name) == RuleType.String)
        {
            var items = membership.List.Items.Select(item => item is RuleNode.StringLiteral literal
                    ? Canonical(name, literal)
                    : throw Error(item, $"expected a string in double quotes in the list of {name} values"))
                .ToList();
            return (membership with { Item = field, List = membership.List with { Items = items } }, RuleType.Boolean);
        }
        var item = Expect(membership.Item, RuleType.Number, "before 'in' (a number, or one of the text fields category, park.name, park.code)");
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
                    throw Error(call, $"expected revenue_growth(n) with one whole number of years from 1 to {RuleVocabulary.MaxGrowthYears}");
                if (years != Math.Floor(years) || years < 1 || years > RuleVocabulary.MaxGrowthYears)
                    throw Error(argument, $"expected a whole number of years from 1 to {RuleVocabulary.MaxGrowthYears} but found {argument.Value}");
                return (call, RuleType.Number);
            case RuleFields.HasTag:
                if (call.Arguments is not [RuleNode.StringLiteral tag])
                    throw Error(call, "expected has_tag(\"tag\") with one tag in double quotes");
                var canonical = vocabulary.CanonicalTag(tag.Value)
                    ?? throw Error(tag, $"expected a known tag ({string.Join(", ", vocabulary.Tags)}) but found \"{tag.Value}\"");
                return (call with { Arguments = [tag with { Value = canonical }] }, RuleType.Boolean);
            case RuleFields.Min or RuleFields.Max:
                if (call.Arguments.Count < 2) throw Error(call, $"expected {call.Name}(a, b, ...) with at least two numbers");
                return (call with { Arguments = call.Arguments.Select(a => Expect(a, RuleType.Number, $"as an argument of {call.Name}")).ToList() }, RuleType.Number);
            case RuleFields.Round:
                if (call.Arguments.Count != 1) throw Error(call, "expected round(x) with one number");
                return (call with { Arguments = [Expect(call.Arguments[0], RuleType.Number, "as the argument of round")] }, RuleType.Number);
            default:
                throw Error(call, $"expected a function ({string.Join(", ", RuleFields.Functions)}) but found the unknown function '{call.Name}'");
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
        var expected = field switch
        {
            RuleFields.Category => $"a category ({string.Join(", ", Zone.EnterpriseCategories.All.Select(c => c.Code))})",
            RuleFields.ParkName => "the English or Chinese name of a park of the zone",
            _ => "the code of a park of the zone",
        };
        throw Error(literal, $"expected {expected} but found \"{literal.Value}\"");
    }

    private RuleNode Expect(RuleNode node, RuleType type, string where)
    {
        if (node is RuleNode.StringLiteral literal)
            throw Error(node, $"expected {Describe(type)} {where} but found the string \"{literal.Value}\"");
        var (checkedNode, actual) = Visit(node);
        if (actual != type) throw Error(node, $"expected {Describe(type)} {where} but found {Describe(actual)}");
        return checkedNode;
    }

    private static string Describe(RuleType type) => type switch
    {
        RuleType.Number => "a number",
        RuleType.Boolean => "a condition (true or false)",
        RuleType.String => "text",
        _ => "a list",
    };

    private RuleSyntaxException Error(RuleNode at, string message) => new(RuleError.At(text, at.Start, message));
}
