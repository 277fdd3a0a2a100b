using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory;

/// <summary>Searching and reading the zone's enterprises.</summary>
public sealed class EnterpriseDirectory(LingjingDbContext db, IDirectoryTextSearch text)
{
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "name", "founded", "employees", "revenue"];
    /// <summary>The sorts that rank by no confidential figure.</summary>
    public static readonly IReadOnlyList<string> PublicSorts = ["relevance", "name", "founded"];

    private static readonly Field CategoryField = new("category", "Category");
    private static readonly Field AboveSizeField = new("aboveSize", "Above designated size");

    /// <summary>The query string as sent; <see cref="Read"/> checks it.</summary>
    public sealed record ListRequest(
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "category")] string? Category,
        [FromQuery(Name = "parkId")] string? ParkId,
        [FromQuery(Name = "aboveSize")] string? AboveSize,
        [FromQuery(Name = "tag")] string[]? Tag,
        [FromQuery(Name = "sort")] string? Sort,
        [FromQuery(Name = "page")] string? Page,
        [FromQuery(Name = "pageSize")] string? PageSize)
    {
        public Filter Read(DirectoryInput input) => new(
            input.Query(Q),
            input.Code(CategoryField, Category, EnterpriseCategories.All),
            input.OptionalInt(DirectoryInput.ParkField, ParkId, 1, int.MaxValue),
            input.OptionalBool(AboveSizeField, AboveSize),
            input.Tags(Tag),
            input.Sort(Sort, Sorts, string.IsNullOrWhiteSpace(Q) ? "name" : "relevance"),
            input.Page(Page),
            input.PageSize(PageSize));
    }

    public sealed record Filter(SearchTerms Terms, string? Category, int? ParkId, bool? AboveSize, IReadOnlyList<string> Tags,
        string Sort, int Page, int PageSize);

    /// <summary>One row of the list. <c>Employees</c> and <c>LatestRevenueYuan</c> are confidential: null
    /// (and <c>ConfidentialShown</c> false) unless the caller may see them (see <see cref="EnterpriseViewer"/>).</summary>
    public sealed record EnterpriseItem(int Id, string NameZh, string NameEn, string Category, string CategoryNameZh, string CategoryNameEn,
        int ParkId, string ParkNameZh, string ParkNameEn, DateOnly FoundedOn, int? Employees, bool AboveDesignatedSize,
        long? LatestRevenueYuan, IReadOnlyList<string> Tags, bool ConfidentialShown);

    public sealed record EnterpriseRevenueYear(int Year, long RevenueYuan);

    /// <summary>One enterprise. The confidential group (<c>Employees</c>, <c>ContactEmail</c>, <c>ContactPhone</c>,
    /// <c>LatestRevenueYuan</c>, <c>Revenues</c>) is null unless <c>ConfidentialShown</c>.</summary>
    public sealed record EnterpriseDetail(int Id, string CreditCode, string NameZh, string NameEn, string Category,
        string CategoryNameZh, string CategoryNameEn, int ParkId, string ParkNameZh, string ParkNameEn, int? BuildingId,
        DateOnly FoundedOn, int? Employees, bool AboveDesignatedSize, IReadOnlyList<string> Tags, string DescriptionZh,
        string DescriptionEn, string Website, string? ContactEmail, string? ContactPhone, long? LatestRevenueYuan,
        IReadOnlyList<EnterpriseRevenueYear>? Revenues, bool ConfidentialShown);

    /// <remarks>Callers check <see cref="EnterpriseViewer.MaySortByConfidential"/> before sorting by a confidential figure.</remarks>
    public async Task<ResultPage<EnterpriseItem>> SearchAsync(Filter filter, EnterpriseViewer viewer, CancellationToken ct)
    {
        var rows = await text.MatchingAsync(db.Set<Enterprise>().AsNoTracking(), filter.Terms.And(filter.Tags), ct);
        if (filter.Category is { } category) rows = rows.Where(e => e.Category == category);
        if (filter.ParkId is { } parkId) rows = rows.Where(e => e.ParkId == parkId);
        if (filter.AboveSize is { } above) rows = rows.Where(e => e.AboveDesignatedSize == above);
        foreach (var tag in filter.Tags) rows = rows.Where(e => e.Tags.Contains(tag));

        var ordered = filter.Sort switch
        {
            "founded" => rows.OrderByDescending(e => e.FoundedOn),
            "employees" => rows.OrderByDescending(e => e.Employees),
            "revenue" => rows.OrderByDescending(e => e.LatestRevenueYuan),
            "relevance" when !filter.Terms.IsEmpty => NameRelevance.OrderByNameMatch(rows, filter.Terms).ThenBy(e => e.NameEn),
            _ => rows.OrderBy(e => e.NameEn),
        };
        // Count and order on ids alone (an index covers the filter and sort columns), then read the page's rows.
        var orderedIds = ordered.ThenBy(e => e.Id).Select(e => e.Id);
        var (total, ids) = text.ScansTable(filter.Terms)
            ? await PageReader.PageInOnePassAsync(orderedIds, filter.Page, filter.PageSize, ct)
            : await PageReader.PageAsync(orderedIds, filter.Page, filter.PageSize, ct);
        var rowsById = await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new
        {
            e.Id, e.NameZh, e.NameEn, e.Category, e.ParkId, ParkNameZh = e.Park!.NameZh, ParkNameEn = e.Park.NameEn,
            e.FoundedOn, e.Employees, e.AboveDesignatedSize, e.LatestRevenueYuan, e.Tags,
        }).ToDictionaryAsync(e => e.Id, ct);
        var found = ids.Select(id => rowsById[id]).ToList();
        var items = found.Select(e =>
        {
            var category = EnterpriseCategories.Find(e.Category);
            var shown = viewer.MaySeeConfidential(e.Id, e.ParkId);
            return new EnterpriseItem(e.Id, e.NameZh, e.NameEn, e.Category, category?.NameZh ?? e.Category, category?.NameEn ?? e.Category,
                e.ParkId, e.ParkNameZh, e.ParkNameEn, e.FoundedOn, shown ? e.Employees : null, e.AboveDesignatedSize,
                shown ? e.LatestRevenueYuan : null, e.Tags, shown);
        }).ToList();
        return new ResultPage<EnterpriseItem>(items, total, filter.Page, filter.PageSize);
    }

    public async Task<EnterpriseDetail?> FindAsync(int id, EnterpriseViewer viewer, CancellationToken ct)
    {
        var e = await db.Set<Enterprise>().AsNoTracking().Include(x => x.Park).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var category = EnterpriseCategories.Find(e.Category);
        var shown = viewer.MaySeeConfidential(e.Id, e.ParkId);
        // Revenue rows are read only for a caller who may see them.
        var revenues = shown
            ? await db.Set<EnterpriseRevenue>().AsNoTracking().Where(r => r.EnterpriseId == id).OrderBy(r => r.Year)
                .Select(r => new EnterpriseRevenueYear(r.Year, r.RevenueYuan)).ToListAsync(ct)
            : null;
        return new EnterpriseDetail(e.Id, e.CreditCode, e.NameZh, e.NameEn, e.Category, category?.NameZh ?? e.Category,
            category?.NameEn ?? e.Category, e.ParkId, e.Park?.NameZh ?? "", e.Park?.NameEn ?? "", e.BuildingId, e.FoundedOn,
            shown ? e.Employees : null, e.AboveDesignatedSize, e.Tags, e.DescriptionZh, e.DescriptionEn, e.Website,
            shown ? e.ContactEmail : null, shown ? e.ContactPhone : null, shown ? e.LatestRevenueYuan : null, revenues, shown);
    }
}
