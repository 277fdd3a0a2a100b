using Lingjing.Server.Features.PolicyServices.Rules;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Reads every enterprise's profile, its revenue rows and the parks from the database.</summary>
public sealed class ProfileLoader(LingjingDbContext db, TimeProvider time, IOptions<LingjingOptions> options)
{
    /// <summary>A cheap summary of the enterprise data (counts, latest profile update, revenue total):
    /// when it is unchanged, a loaded snapshot is still current. Profile edits set UpdatedAt.</summary>
    public async Task<string> FingerprintAsync(CancellationToken ct)
    {
        var enterprises = await db.Set<Enterprise>().CountAsync(ct);
        var updated = await db.Set<Enterprise>().MaxAsync(e => (DateTime?)e.UpdatedAt, ct);
        var revenues = await db.Set<EnterpriseRevenue>().CountAsync(ct);
        var revenueTotal = await db.Set<EnterpriseRevenue>().SumAsync(r => r.RevenueYuan, ct);
        var parks = await db.Set<Park>().CountAsync(ct);
        return $"{enterprises}|{updated:O}|{revenues}|{revenueTotal}|{parks}";
    }

    /// <summary>One enterprise's profile as it is now, or null.</summary>
    public async Task<EnterpriseProfile?> LoadOneAsync(int enterpriseId, CancellationToken ct)
    {
        var e = await db.Set<Enterprise>().AsNoTracking().Where(x => x.Id == enterpriseId)
            .Select(x => new { x.Id, x.ParkId, x.Category, x.Employees, x.FoundedOn, x.AboveDesignatedSize, x.Tags })
            .FirstOrDefaultAsync(ct);
        if (e is null) return null;
        var revenues = await db.Set<EnterpriseRevenue>().AsNoTracking().Where(r => r.EnterpriseId == enterpriseId).OrderBy(r => r.Year)
            .Select(r => new { r.Year, r.RevenueYuan }).ToListAsync(ct);
        return new EnterpriseProfile(e.Id, e.ParkId, e.Category, e.Employees, e.FoundedOn.Year, e.AboveDesignatedSize, e.Tags,
            revenues.Select(r => (r.Year, r.RevenueYuan)).ToList());
    }

    public async Task<ProfileSnapshot> LoadAsync(CancellationToken ct)
    {
        var parks = await db.Set<Park>().AsNoTracking()
            .Select(p => new RuleVocabulary.ParkName(p.Id, p.Code, p.NameZh, p.NameEn)).ToListAsync(ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.ParkId, e.Category, e.Employees, e.FoundedOn, e.AboveDesignatedSize, e.Tags })
            .ToListAsync(ct);
        var revenues = await db.Set<EnterpriseRevenue>().AsNoTracking()
            .OrderBy(r => r.EnterpriseId).ThenBy(r => r.Year)
            .Select(r => new { r.EnterpriseId, r.Year, r.RevenueYuan })
            .ToListAsync(ct);

        var byEnterprise = new Dictionary<int, List<(int, long)>>();
        foreach (var r in revenues)
        {
            if (!byEnterprise.TryGetValue(r.EnterpriseId, out var rows)) byEnterprise[r.EnterpriseId] = rows = [];
            rows.Add((r.Year, r.RevenueYuan));
        }
        var profiles = enterprises.Select(e => new EnterpriseProfile(
                e.Id, e.ParkId, e.Category, e.Employees, e.FoundedOn.Year, e.AboveDesignatedSize, e.Tags,
                byEnterprise.TryGetValue(e.Id, out var rows) ? rows : []))
            .ToList();

        var now = time.GetUtcNow();
        var asOfYear = TimeZoneInfo.ConvertTime(now, options.Value.ZoneTimeZone).Year;
        var fingerprint = await FingerprintAsync(ct);
        // The zone's standard tags are always known, even before any enterprise carries one.
        var tags = EnterpriseTags.Names.Keys.Concat(enterprises.SelectMany(e => e.Tags));
        return new ProfileSnapshot(profiles, new RuleVocabulary(parks, tags, asOfYear), now.UtcDateTime, fingerprint);
    }
}
