namespace Lingjing.Server.Features.Directory.Search;

/// <summary>Restricts directory rows to those whose <c>search_text</c> contains every term, using
/// the database's own substring index (SQLite FTS5 trigram, PostgreSQL pg_trgm).</summary>
public interface IDirectoryTextSearch
{
    Task<IQueryable<T>> MatchingAsync<T>(IQueryable<T> rows, SearchTerms terms, CancellationToken ct) where T : class;

    /// <summary>True when no index answers some term, so every evaluation of the match scans the table:
    /// then one pass that reads all matching ids beats counting and paging separately.</summary>
    bool ScansTable(SearchTerms terms);
}
