using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World.Guests;
using Lingjing.Server.Features.World.Meetings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.World;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// Who a connecting user is to each world, decided once per connection from the database: in a park's
/// world its operators, the people of its enterprises and the government are members, people the park
/// invited are invited guests, everyone else is a guest (admitted only where the park allows guests). Other features'
/// worlds (<see cref="IWorldSource"/>: an event's hall) admit whom their source names.
/// Every account is a member of the zone world. A meeting's room admits its holder and invitees while it is open. The user's name and look are read fresh too, so a name
/// change reaches the world on the next connection.
/// </summary>
public sealed class WorldAdmission(LingjingDbContext db, WorldGuestList guests, AvatarLookStore looks, MeetingRooms meetings, IEnumerable<IWorldSource> sources)
{
    /// <param name="Meetings">World ids of the meetings open now that the user holds or was invited to; every other
    /// meeting's room refuses them (meeting worlds admit no guests).</param>
    /// <param name="Sourced">Whether a world id is another feature's (<see cref="IWorldSource"/>), and those of them open to the user.</param>
    public sealed record Standing(bool Government, int? OperatedPark, int? EnterprisePark, IReadOnlySet<int> InvitedTo, IReadOnlySet<string> Meetings,
        Func<string, bool> Sourced, IReadOnlySet<string> OpenSourced)
    {
        public WorldAccess AccessTo(string worldId)
        {
            if (WorldIds.TryParseMeeting(worldId, out _)) return Meetings.Contains(worldId) ? WorldAccess.Member : WorldAccess.Guest;
            if (Sourced(worldId)) return OpenSourced.Contains(worldId) ? WorldAccess.Member : WorldAccess.Guest;
            if (!WorldIds.TryParsePark(worldId, out var parkId)) return WorldAccess.Member;
            if (Government || OperatedPark == parkId || EnterprisePark == parkId) return WorldAccess.Member;
            return InvitedTo.Contains(parkId) ? WorldAccess.InvitedGuest : WorldAccess.Guest;
        }
    }

    public async Task<WorldUser> UserAsync(ClaimsPrincipal principal, Guid userId, CancellationToken cancellationToken)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.EnterpriseId, u.ParkId }).FirstOrDefaultAsync(cancellationToken);
        var enterprise = row?.EnterpriseId is { } enterpriseId
            ? await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id == enterpriseId)
                .Select(e => new { e.ParkId, e.NameZh, e.NameEn }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var operatedPark = principal.IsInRole(Roles.ParkOperator) ? row?.ParkId ?? principal.ParkId() : null;
        var operatedParkName = operatedPark is { } parkId
            ? await db.Set<Park>().AsNoTracking().Where(p => p.Id == parkId).Select(p => p.NameZh).FirstOrDefaultAsync(cancellationToken)
            : null;
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources) open.UnionWith(await source.OpenToAsync(userId, principal, cancellationToken));
        var standing = new Standing(principal.IsInRole(Roles.Government), operatedPark, enterprise?.ParkId,
            await guests.ParksInvitingAsync(row?.Email, cancellationToken), await meetings.OpenWorldsOfAsync(userId, cancellationToken),
            id => sources.Any(s => s.Owns(id)), open);
        var look = await looks.GetAsync(userId, cancellationToken);
        var name = row?.DisplayName is { Length: > 0 } stored ? stored : principal.DisplayName();
        return new WorldUser(userId.ToString(), name, look.ToProtocol())
        {
            AccessTo = standing.AccessTo,
            Affiliation = enterprise is not null ? Either(enterprise.NameZh, enterprise.NameEn)
                : operatedParkName is { Length: > 0 } ? operatedParkName
                : standing.Government ? "政府 Government"
                : null,
        };
    }

    private static string Either(string zh, string en) => zh.Length > 0 ? zh : en;
}
