using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Events.Interaction;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events.Stage;

/// <summary>
/// An event hall's stage. People with a place at the event raise a hand; the organisers bring someone on stage, give
/// them the microphone where they sit, or send them back to the audience, and may step on stage themselves. Whoever is
/// on stage or holds the microphone is amplified: heard and seen by everyone in the hall (see
/// <see cref="HallStageSync"/>). One row per person and event holds their place; every change is signalled to the
/// event's live streams and, as a stage change, to every node's halls.
/// </summary>
public sealed class EventStageService(LingjingDbContext db, TimeProvider time, LiveBroadcast<EventSignal> signals, EventFloorService floor)
{
    /// <summary>At most this many amplified at once: a panel and a few people from the audience, not a crowd.</summary>
    public const int MaxAmplified = 12;
    private static readonly string[] Placeable = [StagePlaces.Stage, StagePlaces.Microphone, StagePlaces.Audience];

    public async Task<Outcome<StageView>> StageAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await floor.RoleAsync(user, eventId, ct) is not { } role) return NotInTheHall(eventId);
        return View(await PlacesAsync(eventId, ct), user.UserId()!.Value, role.Organiser);
    }

    /// <summary>Everyone's place at the event (a raised hand, the microphone, the stage), in the order they took it.</summary>
    internal Task<List<StagePlace>> PlacesAsync(int eventId, CancellationToken ct) =>
        db.Set<StagePlace>().AsNoTracking().Where(p => p.EventId == eventId).OrderBy(p => p.Since).ToListAsync(ct);

    /// <summary>The stage as one person sees it: whose hands are up only for organisers, and their own place.</summary>
    internal static StageView View(IReadOnlyList<StagePlace> places, Guid me, bool organiser)
    {
        var hands = places.Where(p => p.Place == StagePlaces.Hand).ToList();
        return new StageView(
            places.Where(p => StagePlaces.Amplified(p.Place)).Select(View).ToList(),
            organiser ? hands.Select(View).ToList() : [],
            hands.Count,
            places.FirstOrDefault(p => p.UserId == me)?.Place ?? StagePlaces.Audience,
            organiser);
    }

    /// <summary>Raises the person's hand; someone already on stage or at the microphone keeps that place.</summary>
    public async Task<Outcome<StageView>> RaiseHandAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await floor.RoleAsync(user, eventId, ct) is null) return NotInTheHall(eventId);
        var me = user.UserId()!.Value;
        if (!await db.Set<StagePlace>().AnyAsync(p => p.EventId == eventId && p.UserId == me, ct))
        {
            db.Add(new StagePlace { EventId = eventId, UserId = me, Name = user.DisplayName(), Place = StagePlaces.Hand, Since = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
                signals.Publish(new EventSignal(eventId));
            }
            catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
            {
                // Raised a moment ago, in another tab: one hand per person.
                db.ChangeTracker.Clear();
            }
        }
        return await StageAsync(user, eventId, ct);
    }

    /// <summary>The person lowers their hand, gives the microphone back or steps down from the stage.</summary>
    public async Task<Outcome<StageView>> StepBackAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await floor.RoleAsync(user, eventId, ct) is null) return NotInTheHall(eventId);
        var me = user.UserId()!.Value;
        var removed = await db.Set<StagePlace>().Where(p => p.EventId == eventId && p.UserId == me).ExecuteDeleteAsync(ct);
        if (removed > 0) signals.Publish(new EventSignal(eventId, Stage: true));
        return await StageAsync(user, eventId, ct);
    }

    /// <summary>An organiser puts someone with a place at the event (or themselves) on stage, at the microphone, or back
    /// in the audience.</summary>
    public async Task<Outcome<StageView>> PlaceAsync(ClaimsPrincipal user, int eventId, Guid personId, PlaceInput input, CancellationToken ct)
    {
        if (await floor.RoleAsync(user, eventId, ct) is not { Organiser: true }) return EventService.NoEvent(eventId);
        if (input.Place is not { } place || !Placeable.Contains(place)) return Failure.NotOneOf(new Field("place", "Place"), input.Place ?? "", Placeable);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == personId).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        var admitted = person is not null && (person.Id == user.UserId() || await db.Set<EventRegistration>()
            .AnyAsync(r => r.EventId == eventId && r.UserId == personId && r.Status == RegistrationStatus.Confirmed, ct));
        if (!admitted) return Failure.NotFound("Nobody with that id has a place at event {0}.", eventId);
        var row = await db.Set<StagePlace>().FirstOrDefaultAsync(p => p.EventId == eventId && p.UserId == personId, ct);
        if (place == StagePlaces.Audience)
        {
            if (row is not null) db.Remove(row);
        }
        else
        {
            var amplified = await db.Set<StagePlace>().CountAsync(p => p.EventId == eventId && p.UserId != personId
                && (p.Place == StagePlaces.Stage || p.Place == StagePlaces.Microphone), ct);
            if (amplified >= MaxAmplified) return Failure.Conflict("{0} people are on stage or at the microphone already; send someone back first.", MaxAmplified);
            var name = person!.DisplayName is { Length: > 0 } stored ? stored : person.Email ?? "";
            if (row is null) db.Add(new StagePlace { EventId = eventId, UserId = personId, Name = name, Place = place, Since = time.GetUtcNow().UtcDateTime });
            else (row.Place, row.Since) = (place, time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        signals.Publish(new EventSignal(eventId, Stage: true));
        return await StageAsync(user, eventId, ct);
    }

    /// <summary>The user ids amplified in the event's halls now (on stage or at the microphone).</summary>
    public async Task<IReadOnlyList<string>> AmplifiedAsync(int eventId, CancellationToken ct) =>
        (await db.Set<StagePlace>().AsNoTracking()
            .Where(p => p.EventId == eventId && (p.Place == StagePlaces.Stage || p.Place == StagePlaces.Microphone))
            .Select(p => p.UserId).ToListAsync(ct))
        .Select(id => id.ToString()).ToList();

    private static StagePerson View(StagePlace p) => new(p.UserId, p.Name, p.Place, EventTimes.Utc(p.Since));

    internal static Failure NotInTheHall(int eventId) =>
        Failure.Forbidden("The hall of event {0} is for the people registered and its organisers.", eventId);
}
