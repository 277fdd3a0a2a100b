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
/// the end, at <c>/world/event/{id}</c>. It starts with whoever the stage amplifies now.
/// </summary>
public sealed class HallWorldSource(LingjingDbContext db, TimeProvider time, EventStageService stage) : IWorldSource
{
    public static readonly TimeSpan OpensBefore = TimeSpan.FromHours(1);

    public string Name => HallWorlds.SourceName;

    public bool Owns(string worldId) => HallWorlds.TryParse(worldId, out _, out _);

    public async Task<WorldDefinition?> DefineAsync(string worldId, CancellationToken ct)
    {
        if (!HallWorlds.TryParse(worldId, out var eventId, out _)) return null;
        if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.Status == EventStatus.Published && e.Venue == EventVenues.Hall, ct)) return null;
        return HallLayout.Definition(worldId, await stage.AmplifiedAsync(eventId, ct));
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
        return open.Where(e => registered.Contains(e.Id) || Organiser.Manages(user, e)).Select(e => HallWorlds.Id(e.Id, 1)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<Outcome<WorldEntrance>> EnterAsync(string key, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId)) return NoHall(0);
        var entered = await HallAsync(user, eventId, ct);
        if (entered.Value is not { } e) return entered.Failure!;
        var title = Components.Shared.Bilingual.Pick(e.TitleZh, e.TitleEn);
        return new WorldEntrance(title, $"/api/v1/events/{eventId}/hall/scene",
            new Dictionary<string, string> { ["hall-api"] = $"/api/v1/events/{eventId}" });
    }

    public (string Url, string Text) Back(string key) =>
        (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId) ? $"/events/{eventId}" : "/events", "Event page");

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
