using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events;

/// <summary>On whose behalf a person organises: the government, their park (operators) or their enterprise
/// (administrators of an enterprise permitted to organise). Null for anyone else.</summary>
public sealed record Organiser(string Kind, int? ParkId, int? EnterpriseId)
{
    public static Organiser? Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Government) ? new(Organisers.Government, null, null)
        : user.IsInRole(Roles.ParkOperator) && user.ParkId() is { } park ? new(Organisers.Park, park, null)
        : user.IsInRole(Roles.EnterpriseAdmin) && user.EnterpriseId() is { } enterprise ? new(Organisers.Enterprise, null, enterprise)
        : null;

    /// <summary>Whether the person organises this event: its own organisation, or the government, which oversees all.</summary>
    public static bool Manages(ClaimsPrincipal user, Event e) => Of(user) is { } organiser && (organiser.Kind == Organisers.Government
        || (organiser.Kind == e.OrganiserKind && organiser.ParkId == e.ParkId && organiser.EnterpriseId == e.EnterpriseId));

    /// <summary>The event if the person organises it (null for no such event, and for someone else's: the same answer).</summary>
    public static async Task<Event?> ManagedEventAsync(LingjingDbContext db, ClaimsPrincipal user, int eventId, CancellationToken ct) =>
        await db.Set<Event>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct) is { } e && Manages(user, e) ? e : null;
}
