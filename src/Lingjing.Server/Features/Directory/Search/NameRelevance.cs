using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory.Search;

/// <summary>Relevance order of a search: rows whose name (either language) contains the first term
/// come first, then the second term, and so on; ties are left for the caller's next key.</summary>
internal static class NameRelevance
{
    public static IOrderedQueryable<T> OrderByNameMatch<T>(IQueryable<T> rows, SearchTerms terms) where T : class
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var term in terms.Terms)
        {
            Expression<Func<T, bool>> inName = row =>
                EF.Property<string>(row, "NameZh").ToLower().Contains(term) || EF.Property<string>(row, "NameEn").ToLower().Contains(term);
            ordered = ordered is null ? rows.OrderByDescending(inName) : ordered.ThenByDescending(inName);
        }
        return ordered ?? rows.OrderBy(_ => 0);
    }
}
