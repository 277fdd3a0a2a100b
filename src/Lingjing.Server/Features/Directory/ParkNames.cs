using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Directory;

/// <summary>The names of the parks a page of results refers to, read in one query.</summary>
internal sealed record ParkNames(string NameZh, string NameEn)
{
    public static readonly ParkNames None = new("", "");

    public static async Task<IReadOnlyDictionary<int, ParkNames>> ForAsync(LingjingDbContext db, IEnumerable<int?> parkIds, CancellationToken ct)
    {
        var ids = parkIds.OfType<int>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, ParkNames>();
        return await db.Set<Park>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new ParkNames(p.NameZh, p.NameEn), ct);
    }
}
