using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory;

/// <summary>Searching and reading the zone's professional cultural service institutions.</summary>
public sealed class InstitutionDirectory(LingjingDbContext db, IDirectoryTextSearch text)
    : IKindDirectory<InstitutionDirectory.Filter, InstitutionDirectory.InstitutionItem, InstitutionDirectory.InstitutionDetail>
{
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "name"];

    private static readonly Field ServiceTypeField = new("serviceType", "Service type");

    public sealed record ListRequest(
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "serviceType")] string? ServiceType,
        [FromQuery(Name = "parkId")] string? ParkId,
        [FromQuery(Name = "tag")] string[]? Tag,
        [FromQuery(Name = "sort")] string? Sort,
        [FromQuery(Name = "page")] string? Page,
        [FromQuery(Name = "pageSize")] string? PageSize) : IListRequest<Filter>
    {
        public Filter Read(DirectoryInput input) => new(
            input.Query(Q),
            input.Code(ServiceTypeField, ServiceType, InstitutionServiceTypes.All),
            input.OptionalInt(DirectoryInput.ParkField, ParkId, 1, int.MaxValue),
            input.Tags(Tag),
            input.Sort(Sort, Sorts, string.IsNullOrWhiteSpace(Q) ? "name" : "relevance"),
            input.Page(Page),
            input.PageSize(PageSize));
    }

    public sealed record Filter(SearchTerms Terms, string? ServiceType, int? ParkId, IReadOnlyList<string> Tags, string Sort, int Page, int PageSize);

    public sealed record InstitutionItem(int Id, string NameZh, string NameEn, string ServiceType, string ServiceTypeNameZh,
        string ServiceTypeNameEn, int? ParkId, string ParkNameZh, string ParkNameEn, IReadOnlyList<string> Tags);

    public sealed record InstitutionDetail(int Id, string NameZh, string NameEn, string ServiceType, string ServiceTypeNameZh,
        string ServiceTypeNameEn, int? ParkId, string ParkNameZh, string ParkNameEn, IReadOnlyList<string> Tags,
        string DescriptionZh, string DescriptionEn, string AddressZh, string AddressEn, string ContactPhone, string ContactEmail);

    public async Task<ResultPage<InstitutionItem>> SearchAsync(Filter filter, CancellationToken ct)
    {
        var rows = await text.MatchingAsync(db.Set<Institution>().AsNoTracking(), filter.Terms, ct);
        if (filter.ServiceType is { } serviceType) rows = rows.Where(i => i.ServiceType == serviceType);
        if (filter.ParkId is { } parkId) rows = rows.Where(i => i.ParkId == parkId);
        foreach (var tag in filter.Tags) rows = rows.Where(i => i.Tags.Contains(tag));
        var ordered = filter.Sort == "relevance" && !filter.Terms.IsEmpty
            ? NameRelevance.OrderByNameMatch(rows, filter.Terms).ThenBy(i => i.NameEn)
            : rows.OrderBy(i => i.NameEn);
        var page = ordered.ThenBy(i => i.Id).Select(i => new { i.Id, i.NameZh, i.NameEn, i.ServiceType, i.ParkId, i.Tags });
        var (total, found) = await PageReader.PageAsync(page, filter.Page, filter.PageSize, ct);
        var parks = await ParkNames.ForAsync(db, found.Select(i => i.ParkId), ct);
        var items = found.Select(i =>
        {
            var type = InstitutionServiceTypes.Find(i.ServiceType);
            var park = i.ParkId is { } id ? parks.GetValueOrDefault(id, ParkNames.None) : ParkNames.None;
            return new InstitutionItem(i.Id, i.NameZh, i.NameEn, i.ServiceType, type?.NameZh ?? i.ServiceType, type?.NameEn ?? i.ServiceType,
                i.ParkId, park.NameZh, park.NameEn, i.Tags);
        }).ToList();
        return new ResultPage<InstitutionItem>(items, total, filter.Page, filter.PageSize);
    }

    public async Task<InstitutionDetail?> FindAsync(int id, CancellationToken ct)
    {
        var i = await db.Set<Institution>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return null;
        var type = InstitutionServiceTypes.Find(i.ServiceType);
        var parks = await ParkNames.ForAsync(db, [i.ParkId], ct);
        var park = i.ParkId is { } parkId ? parks.GetValueOrDefault(parkId, ParkNames.None) : ParkNames.None;
        return new InstitutionDetail(i.Id, i.NameZh, i.NameEn, i.ServiceType, type?.NameZh ?? i.ServiceType, type?.NameEn ?? i.ServiceType,
            i.ParkId, park.NameZh, park.NameEn, i.Tags, i.DescriptionZh, i.DescriptionEn, i.AddressZh, i.AddressEn,
            i.ContactPhone, i.ContactEmail);
    }
}
