using System.Globalization;
using System.Text.Json;

namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>The enterprise facts a policy rule can read (see docs/policy-rules.md). Registry facts come
/// from the enterprise registry; the enterprise may declare new values of the declarable ones
/// (employees, tags), which count only once its park operator or the government verifies them.</summary>
public static class DecidingFacts
{
    public const string Category = "category";
    public const string Park = "park";
    public const string FoundedOn = "founded_on";
    public const string AboveDesignatedSize = "above_designated_size";
    public const string Revenue = "revenue";
    public const string Employees = "employees";
    public const string Tags = "tags";

    /// <summary>In the order pages show them.</summary>
    public static readonly IReadOnlyList<string> All = [Category, Park, FoundedOn, AboveDesignatedSize, Revenue, Employees, Tags];

    public static readonly IReadOnlyList<string> Declarable = [Employees, Tags];

    public static bool IsDeclarable(string fact) => Declarable.Contains(fact);

    /// <summary>English label of a fact (pages translate it).</summary>
    public static string Label(string fact) => fact switch
    {
        Category => "Category",
        Park => "Park",
        FoundedOn => "Founded",
        AboveDesignatedSize => "Size class",
        Revenue => "Revenue, latest year",
        Employees => "Employees",
        Tags => "Tags",
        _ => fact,
    };

    // Stored values are JSON: employees a number, tags an array of strings.
    public static string EncodeEmployees(int employees) => employees.ToString(CultureInfo.InvariantCulture);

    public static string EncodeTags(IEnumerable<string> tags) => JsonSerializer.Serialize(tags.ToList());

    public static int DecodeEmployees(string json) => int.Parse(json, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> DecodeTags(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>A stored value as people read it: <c>42</c>, <c>export, high-tech</c> or <c>(none)</c>.</summary>
    public static string Display(string fact, string json) => fact switch
    {
        Employees => DecodeEmployees(json).ToString("#,0", CultureInfo.InvariantCulture),
        Tags => DecodeTags(json) is { Count: > 0 } tags ? string.Join(", ", tags) : "(none)",
        _ => json,
    };
}
