using Lingjing.Server.Features.EnterpriseFacts;

namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>Which enterprise facts (<see cref="DecidingFacts"/>) a rule or formula reads, so an
/// explanation can show each with its value, provenance and date.</summary>
public static class RuleFacts
{
    public static IReadOnlyList<string> Used(params PolicyRule?[] rules)
    {
        var used = new HashSet<string>();
        foreach (var rule in rules)
            if (rule is not null) Collect(rule.Root, used);
        return DecidingFacts.All.Where(used.Contains).ToList();
    }

    private static void Collect(RuleNode node, HashSet<string> used)
    {
        switch (node)
        {
            case RuleNode.Field f:
                used.Add(f.Name switch
                {
                    RuleFields.Employees => DecidingFacts.Employees,
                    RuleFields.Age or RuleFields.FoundedYear => DecidingFacts.FoundedOn,
                    RuleFields.AboveDesignatedSize => DecidingFacts.AboveDesignatedSize,
                    RuleFields.Revenue => DecidingFacts.Revenue,
                    RuleFields.Category => DecidingFacts.Category,
                    _ => DecidingFacts.Park,
                });
                break;
            case RuleNode.Call c:
                if (c.Name == RuleFields.RevenueGrowth) used.Add(DecidingFacts.Revenue);
                else if (c.Name == RuleFields.HasTag) used.Add(DecidingFacts.Tags);
                else foreach (var a in c.Arguments) Collect(a, used);
                break;
            case RuleNode.Unary u:
                Collect(u.Operand, used);
                break;
            case RuleNode.Membership m:
                Collect(m.Item, used);
                break;
            case RuleNode.Binary b:
                Collect(b.Left, used);
                Collect(b.Right, used);
                break;
        }
    }
}
