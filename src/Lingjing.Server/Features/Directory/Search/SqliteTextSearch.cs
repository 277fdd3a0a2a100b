using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory.Search;

/// <summary>Every term becomes part of one FTS5 MATCH on the trigram table <c>{table}_fts</c> (schema
/// 0002). A term of three or more characters is a quoted phrase: a trigram phrase matches any
/// substring, and inside quotes nothing is an operator. A shorter term, common in Chinese (设计),
/// has no trigram of its own; it becomes the OR of the indexed trigrams that start with it, read
/// from the index's vocabulary (the indexed text ends in two spaces, so every occurrence of the
/// term starts one). A one-character term can start thousands of trigrams; then it is checked with
/// <c>instr</c> on the rows the other conditions leave.</summary>
internal sealed class SqliteTextSearch(LingjingDbContext db) : IDirectoryTextSearch
{
    private const int MaxExpansion = 400;
    private const string AfterEveryCharacter = "\U0010FFFF";

    /// <summary>Every term, short ones included, is answered from the FTS5 index.</summary>
    public bool ScansTable(SearchTerms terms) => false;

    public async Task<IQueryable<T>> MatchingAsync<T>(IQueryable<T> rows, SearchTerms terms, CancellationToken ct) where T : class
    {
        if (terms.IsEmpty) return rows;
        var table = db.Model.FindEntityType(typeof(T))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not a mapped table.");
        var clauses = new List<string>();
        var scanned = new List<string>();
        foreach (var term in terms.Terms)
        {
            if (SearchTerms.CharacterCount(term) >= 3)
            {
                clauses.Add(Phrase(term));
                continue;
            }
            // The vocabulary table's name comes from the EF model, never from input.
            var vocabulary = "SELECT term AS \"Value\" FROM " + table + "_fts_vocab WHERE term >= {0} AND term < {1} LIMIT " + (MaxExpansion + 1);
            var trigrams = await db.Database.SqlQueryRaw<string>(vocabulary, term, term + AfterEveryCharacter).ToListAsync(ct);
            if (trigrams.Count == 0) return rows.Where(_ => false);
            if (trigrams.Count > MaxExpansion) scanned.Add(term);
            else clauses.Add("(" + string.Join(" OR ", trigrams.Select(Phrase)) + ")");
        }
        if (clauses.Count > 0)
        {
            var sql = "SELECT rowid AS \"Value\" FROM " + table + "_fts WHERE " + table + "_fts MATCH {0}";
            var ids = db.Database.SqlQueryRaw<int>(sql, string.Join(" AND ", clauses));
            rows = rows.Where(row => ids.Contains(EF.Property<int>(row, "Id")));
        }
        foreach (var term in scanned)
            rows = rows.Where(row => EF.Property<string>(row, "SearchText").Contains(term));
        return rows;
    }

    private static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
