namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>The profile fields and functions of the rule language (documented in docs/policy-rules.md).</summary>
public static class RuleFields
{
    public const string Employees = "employees";
    public const string Age = "age";
    public const string FoundedYear = "founded_year";
    public const string AboveDesignatedSize = "above_designated_size";
    public const string Revenue = "revenue";
    public const string Category = "category";
    public const string ParkId = "park.id";
    public const string ParkCode = "park.code";
    public const string ParkName = "park.name";

    public const string RevenueGrowth = "revenue_growth";
    public const string HasTag = "has_tag";
    public const string Min = "min";
    public const string Max = "max";
    public const string Round = "round";

    public static readonly IReadOnlyDictionary<string, RuleType> Types = new Dictionary<string, RuleType>(StringComparer.Ordinal)
    {
        [Employees] = RuleType.Number,
        [Age] = RuleType.Number,
        [FoundedYear] = RuleType.Number,
        [AboveDesignatedSize] = RuleType.Boolean,
        [Revenue] = RuleType.Number,
        [Category] = RuleType.String,
        [ParkId] = RuleType.Number,
        [ParkCode] = RuleType.String,
        [ParkName] = RuleType.String,
    };

    public static readonly IReadOnlyList<string> Functions = [RevenueGrowth, HasTag, Min, Max, Round];

    public static string FieldList => string.Join(", ", Types.Keys);
}
