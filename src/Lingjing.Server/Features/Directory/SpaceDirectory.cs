using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory;

/// <summary>Searching and reading the zone's offline public cultural spaces.</summary>
public sealed class SpaceDirectory(LingjingDbContext db, IDirectoryTextSearch text)
    : IKindDirectory<SpaceDirectory.Filter, SpaceDirectory.SpaceItem, SpaceDirectory.SpaceDetail>
{
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "name", "capacity"];

    private static readonly Field TypeField = new("type", "Space type");
    private static readonly Field MinCapacityField = new("minCapacity", "Minimum capacity");

    public sealed record ListRequest(
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "type")] string? Type,
        [FromQuery(Name = "parkId")] string? ParkId,
        [FromQuery(Name = "minCapacity")] string? MinCapacity,
        [FromQuery(Name = "sort")] string? Sort,
        [FromQuery(Name = "page")] string? Page,
        [FromQuery(Name = "pageSize")] string? PageSize) : IListRequest<Filter>
    {
        public Filter Read(DirectoryInput input) => new(
            input.Query(Q),
            input.Code(TypeField, Type, SpaceTypes.All),
            input.OptionalInt(DirectoryInput.ParkField, ParkId, 1, int.MaxValue),
            input.OptionalInt(MinCapacityField, MinCapacity, 0, int.MaxValue),
            input.Sort(Sort, Sorts, string.IsNullOrWhiteSpace(Q) ? "name" : "relevance"),
            input.Page(Page),
            input.PageSize(PageSize));
    }

    public sealed record Filter(SearchTerms Terms, string? Type, int? ParkId, int? MinCapacity, string Sort, int Page, int PageSize);

    public sealed record SpaceItem(int Id, string NameZh, string NameEn, string Type, string TypeNameZh, string TypeNameEn,
        int ParkId, string ParkNameZh, string ParkNameEn, int Capacity, double AreaSquareMeters, TimeOnly OpensAt, TimeOnly ClosesAt,
        IReadOnlyList<string> Equipment);

    /// <param name="OpenDays">ISO day numbers the space is open, 1 = Monday ... 7 = Sunday.</param>
    public sealed record SpaceDetail(int Id, string NameZh, string NameEn, string Type, string TypeNameZh, string TypeNameEn,
        int ParkId, string ParkNameZh, string ParkNameEn, int? BuildingId, int Capacity, double AreaSquareMeters,
        TimeOnly OpensAt, TimeOnly ClosesAt, IReadOnlyList<int> OpenDays, IReadOnlyList<string> Equipment,
        string DescriptionZh, string DescriptionEn);

    public async Task<ResultPage<SpaceItem>> SearchAsync(Filter filter, CancellationToken ct)
    {
        var rows = await text.MatchingAsync(db.Set<Space>().AsNoTracking(), filter.Terms, ct);
        if (filter.Type is { } type) rows = rows.Where(s => s.SpaceType == type);
        if (filter.ParkId is { } parkId) rows = rows.Where(s => s.ParkId == parkId);
        if (filter.MinCapacity is { } minCapacity) rows = rows.Where(s => s.Capacity >= minCapacity);
        var ordered = filter.Sort switch
        {
            "capacity" => rows.OrderByDescending(s => s.Capacity),
            "relevance" when !filter.Terms.IsEmpty => NameRelevance.OrderByNameMatch(rows, filter.Terms).ThenBy(s => s.NameEn),
            _ => rows.OrderBy(s => s.NameEn),
        };
        var page = ordered.ThenBy(s => s.Id).Select(s => new
        {
            s.Id, s.NameZh, s.NameEn, s.SpaceType, s.ParkId, s.Capacity, s.AreaSquareMeters, s.OpensAt, s.ClosesAt, s.Equipment,
        });
        var (total, found) = await PageReader.PageAsync(page, filter.Page, filter.PageSize, ct);
        var parks = await ParkNames.ForAsync(db, found.Select(s => (int?)s.ParkId), ct);
        var items = found.Select(s =>
        {
            var entry = SpaceTypes.Find(s.SpaceType);
            var park = parks.GetValueOrDefault(s.ParkId, ParkNames.None);
            return new SpaceItem(s.Id, s.NameZh, s.NameEn, s.SpaceType, entry?.NameZh ?? s.SpaceType, entry?.NameEn ?? s.SpaceType,
                s.ParkId, park.NameZh, park.NameEn, s.Capacity, s.AreaSquareMeters, s.OpensAt, s.ClosesAt, s.Equipment);
        }).ToList();
        return new ResultPage<SpaceItem>(items, total, filter.Page, filter.PageSize);
    }

    public async Task<SpaceDetail?> FindAsync(int id, CancellationToken ct)
    {
        var s = await db.Set<Space>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var entry = SpaceTypes.Find(s.SpaceType);
        var park = (await ParkNames.ForAsync(db, [s.ParkId], ct)).GetValueOrDefault(s.ParkId, ParkNames.None);
        var openDays = Enumerable.Range(0, 7).Where(bit => (s.OpenDays & (1 << bit)) != 0).Select(bit => bit + 1).ToList();
        return new SpaceDetail(s.Id, s.NameZh, s.NameEn, s.SpaceType, entry?.NameZh ?? s.SpaceType, entry?.NameEn ?? s.SpaceType,
            s.ParkId, park.NameZh, park.NameEn, s.BuildingId, s.Capacity, s.AreaSquareMeters, s.OpensAt, s.ClosesAt, openDays,
            s.Equipment, s.DescriptionZh, s.DescriptionEn);
    }
}
