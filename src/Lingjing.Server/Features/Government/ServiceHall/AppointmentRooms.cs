using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>The rooms a desk may offer for appointments outside its hours: the zone's meeting rooms, booked through
/// bookings like any other space.</summary>
public sealed class AppointmentRooms(LingjingDbContext db)
{
    public const string SpaceType = "meeting-room";

    public async Task<List<AppointmentRoom>> ListAsync(CancellationToken ct) =>
        await (from space in db.Set<Space>().AsNoTracking()
               join park in db.Set<Park>().AsNoTracking() on space.ParkId equals park.Id
               where space.SpaceType == SpaceType
               orderby park.Id, space.Id
               select new AppointmentRoom(space.Id, space.NameZh, space.NameEn, park.NameZh, park.NameEn)).ToListAsync(ct);
}

public sealed record AppointmentRoom(int Id, string NameZh, string NameEn, string ParkZh, string ParkEn);
