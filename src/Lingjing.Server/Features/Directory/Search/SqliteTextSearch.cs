using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory.Search;

/// <summary>Terms of three or more characters go to the FTS5 trigram table <c>{table}_fts</c> as
/// quoted phrases (a trigram phrase matches any substring; inside quotes nothing is an operator).
/// Shorter terms, common in Chinese (设计), cannot use trigrams and are checked with <c>instr</c>
/// on the rows the other conditions leave.</summary>
internal sealed class SqliteTextSearch(LingjingDbContext db) : IDirectoryTextSearch
{
    public IQueryable<T> Matching<T>(IQueryable<T> rows, SearchTerms terms) where T : class
    {
        var indexed = terms.Terms.Where(t => SearchTerms.CharacterCount(t) >= 3).ToList();
        if (indexed.Count > 0)
        {
            var table = db.Model.FindEntityType(typeof(T))?.GetTableName()
                ?? throw new InvalidOperationException($"{typeof(T).Name} is not a mapped table.");
            var match = string.Join(" AND ", indexed.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));
            // The table name comes from the EF model, never from input; the match expression is a parameter.
            var sql = "SELECT rowid AS \"Value\" FROM " + table + "_fts WHERE " + table + "_fts MATCH {0}";
            var ids = db.Database.SqlQueryRaw<int>(sql, match);
            rows = rows.Where(row => ids.Contains(EF.Property<int>(row, "Id")));
        }
        foreach (var term in terms.Terms.Where(t => SearchTerms.CharacterCount(t) < 3))
            rows = rows.Where(row => EF.Property<string>(row, "SearchText").Contains(term));
        return rows;
    }
}
