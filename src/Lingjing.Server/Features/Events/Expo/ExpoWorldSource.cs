using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Events.Hall;
using Lingjing.Server.Features.World;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.World;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events.Expo;

/// <summary>
/// Expo halls as worlds of the metaverse (<see cref="IWorldSource"/>), at <c>/world/expo/{hall}</c>: the permanent
/// demonstration hall, open to every account at any time; an event's expo hall, open to its registered people, its
/// organisers and its exhibitors' staff from an hour before the event until its end. Each booth is a stand where its
/// enterprise's people, standing at it, are heard by the visitors who come near.
/// </summary>
public sealed class ExpoWorldSource(LingjingDbContext db, TimeProvider time, ExpoService expo) : IWorldSource
{
    public string Name => "expo";

    public bool Owns(string worldId) => ExpoLayout.TryParse(worldId, out _);

    public async Task<WorldDefinition?> DefineAsync(string worldId, CancellationToken ct)
    {
        if (!ExpoLayout.TryParse(worldId, out var hall)) return null;
        if (EventOf(hall) is { } eventId && !await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.Status == EventStatus.Published, ct)) return null;
        return ExpoLayout.Definition(hall, await expo.GuideAsync(hall, null, ct));
    }

    public async Task<IReadOnlySet<string>> OpenToAsync(Guid userId, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var opens = now + HallWorldSource.OpensBefore;
        var open = await db.Set<Event>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.StartsAt <= opens && e.EndsAt > now && db.Set<Booth>().Any(b => b.EventId == e.Id)).ToListAsync(ct);
        var worlds = new HashSet<string>(StringComparer.Ordinal) { ExpoLayout.WorldId(Halls.Demonstration) };
        foreach (var e in open)
            if (await AdmittedAsync(user, userId, e, ct)) worlds.Add(ExpoLayout.WorldId(Halls.Of(e.Id)));
        return worlds;
    }

    public (string Url, string Text) Back(string key) =>
        EventOf(key) is { } eventId ? ($"/events/{eventId}/expo", "Expo hall") : ("/expo", "Demonstration hall");

    public async Task<Outcome<WorldEntrance>> EnterAsync(string key, ClaimsPrincipal user, CancellationToken ct)
    {
        var entered = await ExpoHallAsync(user, key, ct);
        if (entered.Value is not { } hall) return entered.Failure!;
        return new WorldEntrance(Components.Shared.Bilingual.Pick(hall.NameZh, hall.NameEn), $"/api/v1/expo/halls/{key}/scene",
            new Dictionary<string, string> { ["expo-api"] = "/api/v1/expo/booths" });
    }

    /// <summary>The hall this person may enter now, by its key (<c>demonstration</c>, <c>event-12</c>), or why not.</summary>
    public async Task<Outcome<ExpoHall>> ExpoHallAsync(ClaimsPrincipal user, string key, CancellationToken ct)
    {
        if (!ExpoLayout.TryParse(ExpoLayout.WorldId(key), out _) || user.UserId() is not { } me) return NoHall();
        if (EventOf(key) is not { } eventId) return new ExpoHall(key, 0, "示范展厅", "Demonstration hall");
        var e = await db.Set<Event>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId && x.Status == EventStatus.Published, ct);
        if (e is null || !await db.Set<Booth>().AnyAsync(b => b.EventId == eventId, ct)) return NoHall();
        if (!await AdmittedAsync(user, me, e, ct))
            return (Failure.Forbidden("The expo hall is for the people registered for the event, its organisers and its exhibitors. Register on the event's page first.")
                with { Code = "event.hall-not-registered" }).Titled("Not registered");
        if (HallWorldSource.Closed(e, time.GetUtcNow().UtcDateTime) is { } closed) return closed;
        return new ExpoHall(key, eventId, e.TitleZh + " 展厅", e.TitleEn + " · Expo hall");
    }

    private async Task<bool> AdmittedAsync(ClaimsPrincipal user, Guid me, Event e, CancellationToken ct) =>
        Organiser.Manages(user, e)
        || (user.EnterpriseId() is { } enterprise && await db.Set<Booth>().AnyAsync(b => b.EventId == e.Id && b.EnterpriseId == enterprise, ct))
        || await db.Set<EventRegistration>().AnyAsync(r => r.EventId == e.Id && r.UserId == me && r.Status == RegistrationStatus.Confirmed, ct);

    private static int? EventOf(string hall) =>
        hall.StartsWith("event-", StringComparison.Ordinal) && int.TryParse(hall.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static Failure NoHall() => Failure.NotFound("There is no such expo hall.");
}

/// <param name="Key">The hall (<see cref="Halls"/>); <paramref name="EventId"/> 0 for the demonstration hall.</param>
public sealed record ExpoHall(string Key, int EventId, string NameZh, string NameEn);
