using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>A park's limits on active bookings per person and per enterprise: everyone signed in
/// may read them, the park's operators (and the government) set them.</summary>
public sealed class ParkLimitsService(LingjingDbContext db, BookableSpaces spaces, TimeProvider time)
{
    public async Task<ParkLimitsView?> GetAsync(int parkId, CancellationToken ct) =>
        await db.Set<Park>().AnyAsync(p => p.Id == parkId, ct) ? await spaces.LimitsAsync(parkId, ct) : null;

    public static bool Manages(ClaimsPrincipal user, int parkId) =>
        user.IsInRole(Roles.Government) || (user.IsInRole(Roles.ParkOperator) && user.ParkId() == parkId);

    public async Task<FieldErrors> UpdateAsync(int parkId, ParkLimitsUpdate update, CancellationToken ct)
    {
        var errors = update.Validate();
        if (!errors.IsEmpty) return errors;
        var row = await db.Set<ParkBookingLimits>().FirstOrDefaultAsync(l => l.ParkId == parkId, ct);
        if (row is null) db.Add(row = new ParkBookingLimits { ParkId = parkId });
        (row.ActivePerPerson, row.ActivePerEnterprise, row.UpdatedAt) = (update.ActivePerPerson, update.ActivePerEnterprise, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await spaces.EvictLimitsAsync(parkId);
        return errors;
    }
}
