using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Looks up where spaces are (park, building, floor, address) in one query for a page of bookings.</summary>
public sealed class BookingPlaces(LingjingDbContext db)
{
    public async Task<Dictionary<int, BookingPlace>> ForAsync(IEnumerable<int> spaceIds, CancellationToken ct)
    {
        var ids = spaceIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await db.Set<Space>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Join(db.Set<Park>().AsNoTracking(), s => s.ParkId, p => p.Id, (s, p) => new { Space = s, Park = p })
            .GroupJoin(db.Set<Building>().AsNoTracking(), r => r.Space.BuildingId, b => (int?)b.Id, (r, b) => new { r.Space, r.Park, Buildings = b })
            .SelectMany(r => r.Buildings.DefaultIfEmpty(), (r, b) => new { r.Space, r.Park, Building = b })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Space.Id, r => BookingPlace.Of(r.Space, r.Park, r.Building));
    }

    public async Task<BookingPlace?> ForAsync(int spaceId, CancellationToken ct) =>
        (await ForAsync([spaceId], ct)).GetValueOrDefault(spaceId);
}
