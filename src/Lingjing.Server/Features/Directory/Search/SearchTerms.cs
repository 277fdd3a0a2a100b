using System.Text;

namespace Lingjing.Server.Features.Directory.Search;

/// <summary>The words of a directory search, lower-cased like <c>search_text</c>. Every term must
/// occur in a row (AND) as a plain substring: no character of a term is an operator or wildcard.</summary>
public sealed class SearchTerms
{
    public const int MaxLength = 200;
    public const int MaxTerms = 10;

    public static readonly SearchTerms None = new([]);

    public IReadOnlyList<string> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    private SearchTerms(IReadOnlyList<string> terms) => Terms = terms;

    /// <summary>Splits on whitespace after dropping control characters (a NUL byte would cut SQLite
    /// strings short and PostgreSQL rejects it); invalid UTF-16 becomes U+FFFD. Duplicate terms count once.</summary>
    public static SearchTerms Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return None;
        var clean = new StringBuilder(query.Length);
        foreach (var rune in query.EnumerateRunes())
            clean.Append(Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        var terms = clean.ToString()
            .ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new SearchTerms(terms);
    }

    /// <summary>These terms and more (e.g. required tags, which the indexed text also contains, so the
    /// index narrows the rows before the exact tag check).</summary>
    public SearchTerms And(IEnumerable<string> more) =>
        new(Terms.Concat(more.SelectMany(m => Parse(m).Terms)).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>Characters as the trigram indexes count them (Unicode scalar values, not UTF-16 units).</summary>
    public static int CharacterCount(string term) => term.EnumerateRunes().Count();
}
