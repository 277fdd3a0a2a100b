using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory;

/// <summary>Searching and reading the zone's parks.</summary>
public sealed class ParkDirectory(LingjingDbContext db, IDirectoryTextSearch text)
    : IKindDirectory<ParkDirectory.Filter, ParkDirectory.ParkItem, ParkDirectory.ParkDetail>
{
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "name", "opened"];

    public sealed record ListRequest(
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "sort")] string? Sort,
        [FromQuery(Name = "page")] string? Page,
        [FromQuery(Name = "pageSize")] string? PageSize) : IListRequest<Filter>
    {
        public Filter Read(DirectoryInput input) => new(
            input.Query(Q),
            input.Sort(Sort, Sorts, string.IsNullOrWhiteSpace(Q) ? "name" : "relevance"),
            input.Page(Page),
            input.PageSize(PageSize));
    }

    public sealed record Filter(SearchTerms Terms, string Sort, int Page, int PageSize);

    public sealed record ParkItem(int Id, string Code, string NameZh, string NameEn, string AddressZh, string AddressEn,
        int OpenedYear, double AreaSquareMeters, int Enterprises, int Spaces);

    public sealed record ParkBuilding(int Id, string NameZh, string NameEn, int Floors, double HeightMeters);

    public sealed record ParkDetail(int Id, string Code, string NameZh, string NameEn, string AddressZh, string AddressEn,
        string DescriptionZh, string DescriptionEn, double Latitude, double Longitude, double AreaSquareMeters, int OpenedYear,
        bool AllowsGuests, int Enterprises, int EnterprisesAboveDesignatedSize, int Institutions, int Spaces,
        IReadOnlyList<ParkBuilding> Buildings);

    public async Task<ResultPage<ParkItem>> SearchAsync(Filter filter, CancellationToken ct)
    {
        var rows = await text.MatchingAsync(db.Set<Park>().AsNoTracking(), filter.Terms, ct);
        var ordered = filter.Sort switch
        {
            "opened" => rows.OrderBy(p => p.OpenedYear),
            "relevance" when !filter.Terms.IsEmpty => NameRelevance.OrderByNameMatch(rows, filter.Terms).ThenBy(p => p.NameEn),
            _ => rows.OrderBy(p => p.NameEn),
        };
        var page = ordered.ThenBy(p => p.Id).Select(p => new ParkItem(p.Id, p.Code, p.NameZh, p.NameEn, p.AddressZh, p.AddressEn,
            p.OpenedYear, p.AreaSquareMeters,
            db.Set<Enterprise>().Count(e => e.ParkId == p.Id),
            db.Set<Space>().Count(s => s.ParkId == p.Id)));
        var (total, items) = await PageReader.PageAsync(page, filter.Page, filter.PageSize, ct);
        return new ResultPage<ParkItem>(items, total, filter.Page, filter.PageSize);
    }

    public sealed record ParkChoice(int Id, string NameZh, string NameEn);

    /// <summary>Every park by code, for filter lists.</summary>
    public async Task<IReadOnlyList<ParkChoice>> ChoicesAsync(CancellationToken ct) =>
        await db.Set<Park>().AsNoTracking().OrderBy(p => p.Code).Select(p => new ParkChoice(p.Id, p.NameZh, p.NameEn)).ToListAsync(ct);

    public async Task<ParkDetail?> FindAsync(int id, CancellationToken ct)
    {
        var p = await db.Set<Park>().AsNoTracking().Include(x => x.Buildings).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var enterprises = await db.Set<Enterprise>().CountAsync(e => e.ParkId == id, ct);
        var above = await db.Set<Enterprise>().CountAsync(e => e.ParkId == id && e.AboveDesignatedSize, ct);
        var institutions = await db.Set<Institution>().CountAsync(i => i.ParkId == id, ct);
        var spaces = await db.Set<Space>().CountAsync(s => s.ParkId == id, ct);
        return new ParkDetail(p.Id, p.Code, p.NameZh, p.NameEn, p.AddressZh, p.AddressEn, p.DescriptionZh, p.DescriptionEn,
            p.Latitude, p.Longitude, p.AreaSquareMeters, p.OpenedYear, p.AllowsGuests, enterprises, above, institutions, spaces,
            p.Buildings.OrderBy(b => b.Id).Select(b => new ParkBuilding(b.Id, b.NameZh, b.NameEn, b.Floors, b.HeightMeters)).ToList());
    }
}
