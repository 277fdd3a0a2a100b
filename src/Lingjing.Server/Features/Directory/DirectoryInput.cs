using System.Globalization;
using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.Directory;

/// <summary>Reads the raw query-string values of a directory request. Values arrive as text so that
/// a malformed one gets a sentence saying what the parameter allows, under the parameter's key
/// (<see cref="Errors"/>), not a binding error.</summary>
public sealed class DirectoryInput
{
    public const int DefaultPageSize = PageRequest.DefaultPageSize;
    public const int MaxPageSize = 100;

    public static readonly Field QueryField = new("q", "Search words");
    public static readonly Field SortField = new("sort", "Order");
    public static readonly Field TagField = new("tag", "Tags");
    public static readonly Field ParkField = new("parkId", "Park");

    public FieldErrors Errors { get; } = new();

    public bool IsValid => Errors.IsEmpty;

    /// <summary>Every problem, "field: message", in the current language (for a page).</summary>
    public string Problem => string.Join(" ", Errors.Lines());

    public SearchTerms Query(string? raw)
    {
        if (raw is { Length: > SearchTerms.MaxLength })
            return Fail(QueryField, SearchTerms.None, "At most {0} characters; this search has {1}.", SearchTerms.MaxLength, raw.Length);
        var terms = SearchTerms.Parse(raw);
        return terms.Terms.Count > SearchTerms.MaxTerms
            ? Fail(QueryField, SearchTerms.None, "At most {0} words; this search has {1}.", SearchTerms.MaxTerms, terms.Terms.Count)
            : terms;
    }

    public int Page(string? raw) => OptionalInt(PageRequest.PageField, raw, 1, int.MaxValue) ?? 1;

    public int PageSize(string? raw) => OptionalInt(PageRequest.PageSizeField, raw, 1, MaxPageSize) ?? DefaultPageSize;

    /// <summary>An optional whole number within [min, max].</summary>
    public int? OptionalInt(Field field, string? raw, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        return Fail<int?>(field, null, PageRequest.OutOfRange, min, max, Shorten(raw));
    }

    public bool? OptionalBool(Field field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        return raw.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => Fail<bool?>(field, null, "true or false; '{0}' is neither.", Shorten(raw)),
        };
    }

    /// <summary>A code from a catalogue (category, service type, space type), or null for any.</summary>
    public string? Code(Field field, string? raw, IReadOnlyList<CatalogueEntry> catalogue)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var entry = catalogue.FirstOrDefault(c => string.Equals(c.Code, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        return entry?.Code ?? Fail<string?>(field, null, Failure.NotKnown,
            Shorten(raw), string.Join(", ", catalogue.Select(c => c.Code)));
    }

    /// <summary>One of <paramref name="allowed"/>, or <paramref name="fallback"/> when absent.</summary>
    public string Sort(string? raw, IReadOnlyList<string> allowed, string fallback)
    {
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        var match = allowed.FirstOrDefault(s => string.Equals(s, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        return match ?? Fail(SortField, fallback, Failure.NotKnown, Shorten(raw), string.Join(", ", allowed));
    }

    /// <summary>Tags to require (all of them), compared exactly as stored.</summary>
    public IReadOnlyList<string> Tags(string[]? raw)
    {
        var tags = (raw ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        if (tags.Count > SearchTerms.MaxTerms)
            return Fail<IReadOnlyList<string>>(TagField, [], "At most {0} tags; this search has {1}.", SearchTerms.MaxTerms, tags.Count);
        return tags.Any(t => t.Length > 100) ? Fail<IReadOnlyList<string>>(TagField, [], "A tag may have at most 100 characters.") : tags;
    }

    private T Fail<T>(Field field, T fallback, string message, params object?[] args)
    {
        Errors.Add(field, message, args);
        return fallback;
    }

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";
}
