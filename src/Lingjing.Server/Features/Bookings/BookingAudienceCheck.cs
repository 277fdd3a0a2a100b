using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Decides whether a person belongs to a space's audience. The government and the space's
/// own park operators may always book.</summary>
public sealed class BookingAudienceCheck(LingjingDbContext db)
{
    /// <summary>Null when the person may book, otherwise why not.</summary>
    public async Task<Phrase?> RefusalAsync(BookableSpace bookable, ClaimsPrincipal user, CancellationToken ct)
    {
        var space = bookable.Space;
        if (user.IsInRole(Roles.Government) || (user.IsInRole(Roles.ParkOperator) && user.ParkId() == space.ParkId)) return null;
        switch (bookable.Rules.Audience)
        {
            case BookingAudience.ZoneEnterprises when user.EnterpriseId() is null:
                return new("Only enterprises of the zone may book this space; your account belongs to no enterprise.");
            case BookingAudience.ParkTenants:
                if (user.ParkId() == space.ParkId) return null;
                var enterprisePark = user.EnterpriseId() is { } enterpriseId
                    ? await db.Set<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => (int?)e.ParkId).FirstOrDefaultAsync(ct)
                    : null;
                return enterprisePark == space.ParkId ? null : new("Only tenants of this space's park may book it.");
            default:
                return null;
        }
    }
}
