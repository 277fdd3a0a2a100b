using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.Terminals.Parks;

/// <summary>Figures, spaces and tenants of one park, for its operator.</summary>
public sealed class ParkOverviewService(LingjingDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<ParkOverview?> GetAsync(int parkId, CancellationToken cancellationToken)
    {
        var park = await db.Set<Park>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == parkId, cancellationToken);
        if (park is null) return null;
        var tenants = await db.Set<Enterprise>().CountAsync(e => e.ParkId == parkId, cancellationToken);
        var above = await db.Set<Enterprise>().CountAsync(e => e.ParkId == parkId && e.AboveDesignatedSize, cancellationToken);
        var buildings = await db.Set<Building>().CountAsync(b => b.ParkId == parkId, cancellationToken);
        var spaces = await db.Set<Space>().AsNoTracking().Where(s => s.ParkId == parkId).OrderBy(s => s.SpaceType).ThenBy(s => s.NameEn)
            .ToListAsync(cancellationToken);
        var spaceRows = spaces.Select(s =>
        {
            var type = SpaceTypes.Find(s.SpaceType);
            return new ParkSpace(s.Id, s.NameZh, s.NameEn, s.SpaceType, type?.NameEn ?? s.SpaceType, type?.NameZh ?? s.SpaceType,
                s.Capacity, s.AreaSquareMeters, s.OpensAt, s.ClosesAt);
        }).ToList();
        return new ParkOverview(park.Id, park.Code, park.NameZh, park.NameEn, park.AddressZh, park.AddressEn,
            tenants, above, buildings, spaceRows.Count, spaceRows.Sum(s => s.Capacity), spaceRows);
    }

    /// <summary>The park's tenant enterprises, largest first. Out-of-range paging is clamped.</summary>
    public async Task<ResultPage<ParkTenant>> TenantsAsync(int parkId, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var query = db.Set<Enterprise>().AsNoTracking().Where(e => e.ParkId == parkId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.AboveDesignatedSize).ThenByDescending(e => e.Employees).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new { e.Id, e.NameZh, e.NameEn, e.Category, e.Employees, e.AboveDesignatedSize, e.FoundedOn })
            .ToListAsync(cancellationToken);
        var items = rows.Select(e =>
        {
            var category = EnterpriseCategories.Find(e.Category);
            return new ParkTenant(e.Id, e.NameZh, e.NameEn, category?.NameEn ?? e.Category, category?.NameZh ?? e.Category,
                e.Employees, e.AboveDesignatedSize, e.FoundedOn);
        }).ToList();
        return new ResultPage<ParkTenant>(items, total, page, pageSize);
    }
}
