using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>The names a rule may use as values: categories, parks and tags, and the year that
/// <c>age</c> counts to. String literals compared with <c>category</c>, <c>park.name</c>,
/// <c>park.code</c> or passed to <c>has_tag</c> are checked against it and canonicalized.</summary>
public sealed class RuleVocabulary
{
    /// <summary>The most years <c>revenue_growth(n)</c> may look back.</summary>
    public const int MaxGrowthYears = 5;
    /// <summary>Tags are a 64-bit mask in the compiled form.</summary>
    public const int MaxTags = 64;

    public RuleVocabulary(IEnumerable<ParkName> parks, IEnumerable<string> tags, int asOfYear)
    {
        Parks = parks.OrderBy(p => p.Id).ToList();
        Tags = tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxTags).ToList();
        AsOfYear = asOfYear;
        ParkById = Parks.ToDictionary(p => p.Id);
        for (var i = 0; i < Tags.Count; i++) tagBits[Tags[i]] = i;
        for (var i = 0; i < EnterpriseCategories.All.Count; i++) categoryIndex[EnterpriseCategories.All[i].Code] = i;
    }

    public sealed record ParkName(int Id, string Code, string NameZh, string NameEn);

    public IReadOnlyList<ParkName> Parks { get; }
    public IReadOnlyDictionary<int, ParkName> ParkById { get; }
    public IReadOnlyList<string> Tags { get; }
    public int AsOfYear { get; }

    private readonly Dictionary<string, int> tagBits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> categoryIndex = new(StringComparer.Ordinal);

    /// <summary>A stamp that changes when anything a compiled rule depends on changes.</summary>
    public string Stamp => $"{AsOfYear}|{Parks.Count}|{string.Join(',', Parks.Select(p => p.Id + p.Code + p.NameEn))}|{string.Join(',', Tags)}";

    public int TagBit(string tag) => tagBits.GetValueOrDefault(tag, -1);

    public int CategoryIndex(string code) => categoryIndex.GetValueOrDefault(code, -1);

    public string? CanonicalCategory(string text)
    {
        var wanted = Simplify(text);
        return EnterpriseCategories.All.FirstOrDefault(c =>
            Simplify(c.Code) == wanted || Simplify(c.NameEn) == wanted || c.NameZh == text.Trim())?.Code;
    }

    public ParkName? ParkByName(string text)
    {
        var wanted = Simplify(text);
        return Parks.FirstOrDefault(p => Simplify(p.NameEn) == wanted || p.NameZh == text.Trim());
    }

    public ParkName? ParkByCode(string text) =>
        Parks.FirstOrDefault(p => string.Equals(p.Code, text.Trim(), StringComparison.OrdinalIgnoreCase));

    public string? CanonicalTag(string text)
    {
        var wanted = Simplify(text);
        return Tags.FirstOrDefault(t => Simplify(t) == wanted);
    }

    private static string Simplify(string text) => text.Trim().Replace('-', ' ').Replace('_', ' ').ToLowerInvariant();
}
