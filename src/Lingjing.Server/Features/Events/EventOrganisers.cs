using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events;

/// <summary>Which enterprises may organise events: permitted by the government for any enterprise, by a park operator
/// for the enterprises of their park.</summary>
public sealed class EventOrganisers(LingjingDbContext db, TimeProvider time)
{
    public async Task<Failure?> PermitAsync(ClaimsPrincipal user, int enterpriseId, CancellationToken ct)
    {
        if (await CheckAsync(user, enterpriseId, ct) is { } failure) return failure;
        if (await db.Set<EventOrganiser>().AnyAsync(o => o.EnterpriseId == enterpriseId, ct)) return null;
        db.Add(new EventOrganiser { EnterpriseId = enterpriseId, GrantedBy = user.UserId()!.Value, GrantedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            // Permitted by someone else at the same moment: permitted either way.
        }
        return null;
    }

    public async Task<Failure?> WithdrawAsync(ClaimsPrincipal user, int enterpriseId, CancellationToken ct)
    {
        if (await CheckAsync(user, enterpriseId, ct) is { } failure) return failure;
        await db.Set<EventOrganiser>().Where(o => o.EnterpriseId == enterpriseId).ExecuteDeleteAsync(ct);
        return null;
    }

    private async Task<Failure?> CheckAsync(ClaimsPrincipal user, int enterpriseId, CancellationToken ct)
    {
        var parkId = await db.Set<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => (int?)e.ParkId).FirstOrDefaultAsync(ct);
        if (parkId is null) return Failure.NotFound("There is no enterprise with id {0}.", enterpriseId);
        if (!user.IsInRole(Roles.Government) && user.ParkId() != parkId)
            return Failure.Forbidden("A park operator permits the enterprises of their own park only.");
        return null;
    }
}
