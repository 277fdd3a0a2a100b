using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;

namespace Lingjing.Server.Features.Events.Hall;

/// <summary>
/// Seats people in the instances of an event's hall through the event's <see cref="IHallSeatingGrain"/>: where they
/// enter, which instances there are (with their colleagues in them) and, every report of <see cref="Presence.HallPresence"/>,
/// who each node holds in each instance, which keeps their seats.
/// </summary>
public sealed class HallPlacement(IGrainFactory grains, WorldStage worlds)
{
    /// <summary>The instance the person enters: <paramref name="wanted"/> if it has room, else see <see cref="HallSeating.Place"/>.
    /// Null when the one they asked for is full or does not exist.</summary>
    public Task<int?> PlaceAsync(ClaimsPrincipal user, int eventId, int? wanted) =>
        Seating(eventId).PlaceAsync(user.UserId()!.Value, GroupOf(user), wanted);

    public Task<int?> InstanceOfAsync(Guid userId, int eventId) => Seating(eventId).InstanceOfAsync(userId);

    public Task<IReadOnlyList<HallInstanceView>> InstancesAsync(ClaimsPrincipal user, int eventId) =>
        Seating(eventId).InstancesAsync(GroupOf(user));

    /// <summary>Tells each event's seating who this node holds in each instance of its hall.</summary>
    public async Task ReportAsync()
    {
        foreach (var worldId in worlds.Running(id => HallWorlds.TryParse(id, out _, out _)))
        {
            if (!HallWorlds.TryParse(worldId, out var eventId, out var instance)) continue;
            var present = worlds.People(worldId).Select(id => Guid.TryParse(id, out var userId) ? userId : Guid.Empty)
                .Where(id => id != Guid.Empty).ToList();
            if (present.Count > 0) await Seating(eventId).SeenAsync(instance, present);
        }
    }

    /// <summary>Colleagues are the people of the same enterprise, park or institution; the government's staff are one another's.</summary>
    public static string GroupOf(ClaimsPrincipal user) =>
        user.EnterpriseId() is { } enterprise ? $"enterprise:{enterprise}"
        : user.InstitutionId() is { } institution ? $"institution:{institution}"
        : user.ParkId() is { } park ? $"park:{park}"
        : user.IsInRole(Roles.Government) ? "government" : "";

    private IHallSeatingGrain Seating(int eventId) => grains.GetGrain<IHallSeatingGrain>(eventId);
}
