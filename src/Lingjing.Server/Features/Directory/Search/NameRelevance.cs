using Lingjing.Server.Infrastructure.Data;
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
            var inName = TextMatch.AnyContains<T>(term, row => EF.Property<string>(row, "NameZh"), row => EF.Property<string>(row, "NameEn"));
            ordered = ordered is null ? rows.OrderByDescending(inName) : ordered.ThenByDescending(inName);
        }
        return ordered ?? rows.OrderBy(_ => 0);
    }
}
