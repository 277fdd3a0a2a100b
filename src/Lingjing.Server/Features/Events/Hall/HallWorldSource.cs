using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Events.Stage;
using Lingjing.Server.Features.World;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.World;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events.Hall;

/// <summary>
/// An event's hall as a world of the metaverse (<see cref="IWorldSource"/>): for a published event held in its own
/// hall, open to the people with a confirmed place and to its organisers from <see cref="OpensBefore"/> the start until
/// the end, at <c>/world/event/{id}</c> (the instance <see cref="HallPlacement"/> seats them in) or
/// <c>/world/event/{id}-{instance}</c> (one they chose, to sit with their colleagues). Each instance starts with whoever
/// the stage amplifies now, and shows the other instances' stage (<see cref="HallLayout.Definition"/>).
/// </summary>
public sealed class HallWorldSource(LingjingDbContext db, TimeProvider time, EventStageService stage, HallPlacement placement) : IWorldSource
{
    public static readonly TimeSpan OpensBefore = TimeSpan.FromHours(1);

    public string Name => HallWorlds.SourceName;

    public bool Owns(string worldId) => HallWorlds.TryParse(worldId, out _, out _);

    public async Task<WorldDefinition?> DefineAsync(string worldId, CancellationToken ct)
    {
        if (!HallWorlds.TryParse(worldId, out var eventId, out _)) return null;
        if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.Status == EventStatus.Published && e.Venue == EventVenues.Hall, ct)) return null;
        return HallLayout.Definition(worldId, eventId, await stage.AmplifiedAsync(eventId, ct));
    }

    public async Task<IReadOnlySet<string>> OpenToAsync(Guid userId, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var opens = now + OpensBefore;
        var open = await db.Set<Event>().AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.Venue == EventVenues.Hall && e.StartsAt <= opens && e.EndsAt > now).ToListAsync(ct);
        var ids = open.Select(e => e.Id).ToList();
        var registered = await db.Set<EventRegistration>()
            .Where(r => r.UserId == userId && r.Status == RegistrationStatus.Confirmed && ids.Contains(r.EventId)).Select(r => r.EventId).ToListAsync(ct);
        var worlds = new HashSet<string>(StringComparer.Ordinal);
        // Each person enters the instance they were seated in (seated now if their seat was given up meanwhile).
        foreach (var e in open.Where(e => registered.Contains(e.Id) || Organiser.Manages(user, e)))
            if ((await placement.InstanceOfAsync(userId, e.Id) ?? await placement.PlaceAsync(user, e.Id, null)) is { } instance)
                worlds.Add(HallWorlds.Id(e.Id, instance));
        return worlds;
    }

    public async Task<Outcome<WorldEntrance>> EnterAsync(string key, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!HallWorlds.TryParseKey(key, out var eventId, out var wanted)) return NoHall(0);
        var entered = await HallAsync(user, eventId, ct);
        if (entered.Value is not { } e) return entered.Failure!;
        var title = Components.Shared.Bilingual.Pick(e.TitleZh, e.TitleEn);
        var scene = $"/api/v1/events/{eventId}/hall/scene" + (wanted is { } n ? string.Create(CultureInfo.InvariantCulture, $"?instance={n}") : "");
        return new WorldEntrance(title, scene, new Dictionary<string, string> { ["hall-api"] = $"/api/v1/events/{eventId}" });
    }

    public (string Url, string Text) Back(string key) =>
        (HallWorlds.TryParseKey(key, out var eventId, out _) ? $"/events/{eventId}" : "/events", "Event page");

    /// <summary>Seats the person in an instance of the hall (<paramref name="wanted"/> if it has room) and gives its world id.</summary>
    public async Task<Outcome<string>> SeatAsync(ClaimsPrincipal user, int eventId, int? wanted)
    {
        if (await placement.PlaceAsync(user, eventId, wanted) is { } instance) return HallWorlds.Id(eventId, instance);
        return (Failure.Conflict("Instance {0} of the hall is full (or empty and not the next one). Choose another instance, or enter the hall to be seated where there is room.", wanted ?? 0)
            with { Code = "event.hall-instance-full" }).Titled("That instance is full");
    }

    /// <summary>The event whose hall this person may enter now, or why not.</summary>
    public async Task<Outcome<Event>> HallAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        var e = await db.Set<Event>().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == eventId && x.Status == EventStatus.Published && x.Venue == EventVenues.Hall, ct);
        if (e is null || user.UserId() is not { } me) return NoHall(eventId);
        if (!Organiser.Manages(user, e) && !await db.Set<EventRegistration>()
                .AnyAsync(r => r.EventId == eventId && r.UserId == me && r.Status == RegistrationStatus.Confirmed, ct))
            return (Failure.Forbidden("The hall is for the people registered for the event and its organisers. Register on the event's page first.")
                with { Code = "event.hall-not-registered" }).Titled("Not registered");
        return Closed(e, time.GetUtcNow().UtcDateTime) is { } closed ? closed : e;
    }

    /// <summary>Why an event's halls (its stage's and its expo's) are closed now: not open yet (they open
    /// <see cref="OpensBefore"/> the start) or over; null while they are open.</summary>
    public static Failure? Closed(Event e, DateTime now)
    {
        if (now < e.StartsAt - OpensBefore)
        {
            var opens = EventTimes.Local(e.StartsAt - OpensBefore, TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone));
            return (Failure.Conflict("The hall opens at {0}, an hour before the event starts.", opens.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
                with { Code = "event.hall-not-open" }).Titled("Not open yet");
        }
        return now >= e.EndsAt ? (Failure.Conflict("The event is over; its hall is closed.") with { Code = "event.hall-closed" }).Titled("The event is over") : null;
    }

    /// <summary>Notes the person's first entry into the event's hall (online attendance, for the organisers' figures).</summary>
    public async Task MarkJoinedAsync(int eventId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<EventRegistration>().Where(r => r.EventId == eventId && r.UserId == userId && r.JoinedOnlineAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.JoinedOnlineAt, now), ct);
    }

    private static Failure NoHall(int eventId) => Failure.NotFound("Event {0} has no hall in the world.", eventId);
}
