using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Zone;

/// <summary>Zone-wide figures, always computed from the rows (nothing is stored pre-aggregated).</summary>
public sealed class ZoneStatistics(LingjingDbContext db)
{
    public const string DemoSettingKey = "demo.seeded";

    public async Task<ZoneSummary> SummaryAsync(CancellationToken cancellationToken)
    {
        var parks = await db.Set<Park>().CountAsync(cancellationToken);
        var enterprises = await db.Set<Enterprise>().CountAsync(cancellationToken);
        var above = await db.Set<Enterprise>().CountAsync(e => e.AboveDesignatedSize, cancellationToken);
        var institutions = await db.Set<Institution>().CountAsync(cancellationToken);
        var spaces = await db.Set<Space>().CountAsync(cancellationToken);
        var years = await RevenueByYearAsync(cancellationToken);
        var demo = await db.Set<SystemSetting>().AnyAsync(s => s.Key == DemoSettingKey, cancellationToken);
        return new ZoneSummary(parks, enterprises, above, institutions, spaces, AverageGrowth(years), demo);
    }

    /// <summary>Zone revenue per year for the last three reported years, with year-on-year growth.</summary>
    public async Task<IReadOnlyList<YearRevenue>> RevenueByYearAsync(CancellationToken cancellationToken)
    {
        var totals = await db.Set<EnterpriseRevenue>()
            .GroupBy(r => r.Year)
            .Select(g => new { Year = g.Key, Total = g.Sum(r => r.RevenueYuan) })
            .OrderByDescending(t => t.Year)
            .Take(3)
            .ToListAsync(cancellationToken);
        totals.Reverse();
        return totals
            .Select((t, i) => new YearRevenue(t.Year, t.Total, i == 0 || totals[i - 1].Total == 0 ? null : (double)t.Total / totals[i - 1].Total - 1))
            .ToList();
    }

    /// <summary>The mean of the year-on-year growth rates of the zone's total revenue, rounded to 0.1 %.</summary>
    public static double AverageGrowth(IReadOnlyList<YearRevenue> years)
    {
        var growths = years.Where(y => y.Growth is not null).Select(y => y.Growth!.Value).ToList();
        return growths.Count == 0 ? 0 : Math.Round(growths.Average(), 4);
    }

    public async Task<IReadOnlyList<CategoryCount>> EnterprisesByCategoryAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<Enterprise>().GroupBy(e => e.Category)
            .Select(g => new { Category = g.Key, Count = g.Count(), Above = g.Count(e => e.AboveDesignatedSize) })
            .ToListAsync(cancellationToken);
        return counts
            .Select(c => new CategoryCount(c.Category, EnterpriseCategories.Find(c.Category)?.NameEn ?? c.Category,
                EnterpriseCategories.Find(c.Category)?.NameZh ?? c.Category, c.Count, c.Above))
            .OrderByDescending(c => c.Enterprises)
            .ToList();
    }

    public async Task<IReadOnlyList<ParkFigures>> ParksAsync(CancellationToken cancellationToken)
    {
        var enterprises = await db.Set<Enterprise>().GroupBy(e => e.ParkId)
            .Select(g => new { ParkId = g.Key, Count = g.Count(), Above = g.Count(e => e.AboveDesignatedSize) })
            .ToDictionaryAsync(g => g.ParkId, cancellationToken);
        var spaces = await db.Set<Space>().GroupBy(s => s.ParkId)
            .Select(g => new { ParkId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ParkId, g => g.Count, cancellationToken);
        var parks = await db.Set<Park>().OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.NameEn, p.NameZh, p.Latitude, p.Longitude, p.AreaSquareMeters })
            .ToListAsync(cancellationToken);
        return parks.Select(p => new ParkFigures(p.Id, p.Code, p.NameEn, p.NameZh, p.Latitude, p.Longitude, p.AreaSquareMeters,
                enterprises.TryGetValue(p.Id, out var e) ? e.Count : 0,
                enterprises.TryGetValue(p.Id, out var a) ? a.Above : 0,
                spaces.GetValueOrDefault(p.Id)))
            .ToList();
    }
}
