using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory.Search;

/// <summary>One <c>LIKE '%term%'</c> per term on <c>search_text</c>, which the pg_trgm GIN index
/// (schema 0002) answers for terms of three or more characters; shorter terms have no trigram and
/// are found by <c>strpos</c> on the rows the other conditions leave.</summary>
internal sealed class PostgresTextSearch : IDirectoryTextSearch
{
    public Task<IQueryable<T>> MatchingAsync<T>(IQueryable<T> rows, SearchTerms terms, CancellationToken ct) where T : class
    {
        foreach (var term in terms.Terms)
        {
            if (SearchTerms.CharacterCount(term) < 3)
            {
                // No trigram to look up: a scan either way, and strpos scans faster than LIKE.
                rows = rows.Where(row => EF.Property<string>(row, "SearchText").Contains(term));
                continue;
            }
            var pattern = "%" + EscapeLike(term) + "%";
            rows = rows.Where(row => EF.Functions.Like(EF.Property<string>(row, "SearchText"), pattern, Escape));
        }
        return Task.FromResult(rows);
    }

    public bool ScansTable(SearchTerms terms) => terms.Terms.Any(term => SearchTerms.CharacterCount(term) < 3);

    private const string Escape = @"\";

    internal static string EscapeLike(string term) =>
        term.Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_");
}
