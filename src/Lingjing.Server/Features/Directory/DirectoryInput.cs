using System.Globalization;
using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Directory;

/// <summary>Reads the raw query-string values of a directory request. Values arrive as text so that
/// a malformed one gets a sentence naming the parameter and what it allows, not a binding error.
/// The first problem found is kept in <see cref="Problem"/>.</summary>
public sealed class DirectoryInput
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public string? Problem { get; private set; }

    public bool IsValid => Problem is null;

    public SearchTerms Query(string? raw)
    {
        if (raw is { Length: > SearchTerms.MaxLength })
            return Fail($"q is {raw.Length} characters long; a search may have at most {SearchTerms.MaxLength}.", SearchTerms.None);
        var terms = SearchTerms.Parse(raw);
        return terms.Terms.Count > SearchTerms.MaxTerms
            ? Fail($"q has {terms.Terms.Count} words; a search may have at most {SearchTerms.MaxTerms}.", SearchTerms.None)
            : terms;
    }

    public int Page(string? raw) => Int("page", raw, 1, 1, int.MaxValue);

    public int PageSize(string? raw) => Int("pageSize", raw, DefaultPageSize, 1, MaxPageSize);

    /// <summary>An optional whole number within [min, max].</summary>
    public int? OptionalInt(string name, string? raw, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        return Fail<int?>($"{name} must be a whole number from {min} to {max}; '{Shorten(raw)}' is not.", null);
    }

    public bool? OptionalBool(string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return raw.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => Fail<bool?>($"{name} must be true or false; '{Shorten(raw)}' is neither.", null),
        };
    }

    /// <summary>A code from a catalogue (category, service type, space type), or null for any.</summary>
    public string? Code(string name, string? raw, IReadOnlyList<CatalogueEntry> catalogue)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var entry = catalogue.FirstOrDefault(c => string.Equals(c.Code, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        return entry?.Code ?? Fail<string?>(
            $"{name} '{Shorten(raw)}' is not known. Allowed values: {string.Join(", ", catalogue.Select(c => c.Code))}.", null);
    }

    /// <summary>One of <paramref name="allowed"/>, or <paramref name="fallback"/> when absent.</summary>
    public string Sort(string? raw, IReadOnlyList<string> allowed, string fallback)
    {
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        var match = allowed.FirstOrDefault(s => string.Equals(s, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        return match ?? Fail($"sort '{Shorten(raw)}' is not known. Allowed values: {string.Join(", ", allowed)}.", fallback);
    }

    /// <summary>Tags to require (all of them), compared exactly as stored.</summary>
    public IReadOnlyList<string> Tags(string[]? raw)
    {
        var tags = (raw ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        if (tags.Count > SearchTerms.MaxTerms)
            return Fail<IReadOnlyList<string>>($"At most {SearchTerms.MaxTerms} tag values may be given; got {tags.Count}.", []);
        return tags.Any(t => t.Length > 100) ? Fail<IReadOnlyList<string>>("A tag may have at most 100 characters.", []) : tags;
    }

    private int Int(string name, string? raw, int fallback, int min, int max) =>
        OptionalInt(name, raw, min, max) ?? fallback;

    private T Fail<T>(string problem, T fallback)
    {
        Problem ??= problem;
        return fallback;
    }

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
