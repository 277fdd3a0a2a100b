using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>The names and parks of enterprises and institutions taking part, read two queries at a time.</summary>
public sealed class PartyDirectory(LingjingDbContext db)
{
    public sealed record Entry(Party Party, string NameZh, string NameEn, int? ParkId);

    public async Task<Dictionary<Party, Entry>> FindAsync(IEnumerable<Party> parties, CancellationToken ct)
    {
        var distinct = parties.Distinct().ToList();
        var enterpriseIds = distinct.Where(p => p.EnterpriseId is not null).Select(p => p.EnterpriseId!.Value).ToList();
        var institutionIds = distinct.Where(p => p.InstitutionId is not null).Select(p => p.InstitutionId!.Value).ToList();
        var entries = new Dictionary<Party, Entry>();
        foreach (var e in await db.Set<Enterprise>().AsNoTracking().Where(e => enterpriseIds.Contains(e.Id)).Select(e => new { e.Id, e.NameZh, e.NameEn, e.ParkId }).ToListAsync(ct))
            entries[Party.Enterprise(e.Id)] = new Entry(Party.Enterprise(e.Id), e.NameZh, e.NameEn, e.ParkId);
        foreach (var i in await db.Set<Institution>().AsNoTracking().Where(i => institutionIds.Contains(i.Id)).Select(i => new { i.Id, i.NameZh, i.NameEn, i.ParkId }).ToListAsync(ct))
            entries[Party.Institution(i.Id)] = new Entry(Party.Institution(i.Id), i.NameZh, i.NameEn, i.ParkId);
        return entries;
    }
}
