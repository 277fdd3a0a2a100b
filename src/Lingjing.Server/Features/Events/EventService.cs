using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Lingjing.Server.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events;

/// <summary>Creating, publishing and cancelling events, and reading them: the public list (upcoming first, then past)
/// and one event with its agenda. Drafts and cancelled events are seen by their organisers only.</summary>
public sealed class EventService(LingjingDbContext db, TimeProvider time, IOptions<LingjingOptions> options, PublicBaseUrl site, EventNotices notices, Expo.ExpoService expo)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<EventDetail>> CreateAsync(ClaimsPrincipal user, EventInput input, CancellationToken ct)
    {
        if (Organiser.Of(user) is not { } organiser) return Failure.Forbidden("Events are organised by the government, park operators and permitted enterprises' administrators.");
        if (organiser.EnterpriseId is { } enterpriseId && !await db.Set<EventOrganiser>().AnyAsync(o => o.EnterpriseId == enterpriseId, ct))
            return Failure.Forbidden("Your enterprise is not permitted to organise events yet; its park operator or the government can permit it.");
        var now = time.GetUtcNow();
        var errors = input.Validate(now);
        var venue = input.Venue ?? EventVenues.Hall;
        if (!await VenueExistsAsync(venue, ct)) errors.Add(EventInput.VenueField, "'{0}' is not a venue in the world (hall, zone, or park-N for a park).", venue);
        if (input.SpaceBookingId is { } bookingId && !await MayUseBookingAsync(user, bookingId, ct))
            errors.Add(new Field("spaceBookingId", "Booked space"), "You have no live booking with id {0}.", bookingId);
        if (!errors.IsEmpty) return Failure.Invalid(errors);

        var e = new Event
        {
            TitleZh = input.TitleZh!.Trim(), TitleEn = input.TitleEn!.Trim(),
            DescriptionZh = input.DescriptionZh?.Trim() ?? "", DescriptionEn = input.DescriptionEn?.Trim() ?? "",
            Kind = input.Kind!, OrganiserKind = organiser.Kind, ParkId = organiser.ParkId, EnterpriseId = organiser.EnterpriseId,
            CreatedBy = user.UserId()!.Value, StartsAt = input.StartsAt!.Value.UtcDateTime, EndsAt = input.EndsAt!.Value.UtcDateTime,
            TimeZone = input.TimeZone ?? options.Value.TimeZone, Venue = venue, SpaceBookingId = input.SpaceBookingId,
            Capacity = input.Capacity!.Value, Registration = input.Registration ?? RegistrationModes.Open, Status = EventStatus.Draft,
            CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(e);
        await db.SaveChangesAsync(ct);
        foreach (var s in input.Sessions ?? [])
            db.Add(new EventSession
            {
                EventId = e.Id, TitleZh = s.TitleZh!.Trim(), TitleEn = s.TitleEn!.Trim(), Room = s.Room?.Trim() ?? "",
                StartsAt = s.StartsAt!.Value.UtcDateTime, EndsAt = s.EndsAt!.Value.UtcDateTime,
                Speakers = [.. (s.Speakers ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())],
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await FindAsync(user, e.Id, ct)).Value!;
    }

    /// <summary>Makes a draft public (listed, open for registration), or cancels an event (its people are told by the
    /// notification of the registrations).</summary>
    public async Task<Outcome<EventDetail>> ChangeStatusAsync(ClaimsPrincipal user, int id, string status, CancellationToken ct)
    {
        var e = await db.Set<Event>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !Organiser.Manages(user, e)) return NoEvent(id);
        if (e.Status == EventStatus.Cancelled) return Failure.Conflict("The event was cancelled.");
        if (status == EventStatus.Published && e.Status == EventStatus.Published) return (await FindAsync(user, id, ct)).Value!;
        if (status == EventStatus.Published && e.EndsAt <= time.GetUtcNow().UtcDateTime) return Failure.Conflict("The event is over.");
        e.Status = status;
        e.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        if (status == EventStatus.Cancelled) await notices.CancelledAsync(e, ct);
        return (await FindAsync(user, id, ct)).Value!;
    }

    /// <summary>Published events: those not over yet, soonest first, then those over, latest first.</summary>
    public async Task<ResultPage<EventSummary>> ListAsync(string? kind, bool past, int page, int pageSize, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = Summaries(db.Set<Event>().AsNoTracking().Where(e => e.Status == EventStatus.Published && (kind == null || e.Kind == kind)));
        var ordered = past
            ? query.Where(r => r.Event.EndsAt <= now).OrderByDescending(r => r.Event.StartsAt).ThenBy(r => r.Event.Id)
            : query.Where(r => r.Event.EndsAt > now).OrderBy(r => r.Event.StartsAt).ThenBy(r => r.Event.Id);
        var (total, rows) = await PageReader.PageAsync(ordered, page, pageSize, ct);
        return new ResultPage<EventSummary>(rows.Select(Summary).ToList(), total, page, pageSize);
    }

    /// <summary>The events the person organises (the government's: every event), drafts included, soonest first.</summary>
    public async Task<IReadOnlyList<EventSummary>> OrganisedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (Organiser.Of(user) is not { } o) return [];
        var query = db.Set<Event>().AsNoTracking();
        if (o.Kind != Organisers.Government)
            query = query.Where(e => e.OrganiserKind == o.Kind && e.ParkId == o.ParkId && e.EnterpriseId == o.EnterpriseId);
        var rows = await Summaries(query).OrderByDescending(r => r.Event.StartsAt).Take(500).ToListAsync(ct);
        return rows.Select(Summary).ToList();
    }

    public async Task<Outcome<EventDetail>> FindAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var row = await Summaries(db.Set<Event>().AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null || (row.Event.Status == EventStatus.Draft && !Organiser.Manages(user, row.Event))) return NoEvent(id);
        var zone = ZoneOf(row.Event);
        var sessions = await db.Set<EventSession>().AsNoTracking().Where(s => s.EventId == id).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(ct);
        return new EventDetail(Summary(row), row.Event.DescriptionZh, row.Event.DescriptionEn,
            sessions.Select(s => new SessionView(s.Id, s.TitleZh, s.TitleEn, s.Room, EventTimes.Utc(s.StartsAt), EventTimes.Utc(s.EndsAt),
                EventTimes.Local(s.StartsAt, zone), EventTimes.Local(s.EndsAt, zone), s.Speakers)).ToList(),
            await expo.GuideAsync(Expo.Halls.Of(id), null, ct),
            $"{site.Value}/events/{id}/join", $"{site.Value}/api/v1/events/{id}/calendar.ics");
    }

    /// <summary>The event and its agenda as an iCalendar file: the event, then one entry per session.</summary>
    public async Task<string?> CalendarAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if ((await FindAsync(user, id, ct)).Value is not { } detail) return null;
        var e = detail.Event;
        var status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED";
        var file = new CalendarFile(e.TitleEn, TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone), time.GetUtcNow());
        file.AddEvent(new CalendarEntry($"event-{e.Id}@lingjing", e.StartsAt, e.EndsAt, time.GetUtcNow(), $"{e.TitleZh} / {e.TitleEn}", status,
            e.Venue, $"{detail.DescriptionZh}\n\n{detail.DescriptionEn}".Trim(), e.Url));
        foreach (var s in detail.Sessions)
            file.AddEvent(new CalendarEntry($"event-{e.Id}-session-{s.Id}@lingjing", s.StartsAt, s.EndsAt, time.GetUtcNow(),
                $"{s.TitleZh} / {s.TitleEn}", status, s.Room, string.Join("\n", s.Speakers), e.Url));
        return file.ToString();
    }

    /// <summary>Whether the person organises the event (the government: every event).</summary>
    public async Task<bool> ManagesAsync(ClaimsPrincipal user, int id, CancellationToken ct) => await Organiser.ManagedEventAsync(db, user, id, ct) is not null;

    /// <summary>The parks whose worlds can host an event, by id.</summary>
    public async Task<IReadOnlyList<VenuePark>> VenueParksAsync(CancellationToken ct) =>
        await db.Set<Park>().AsNoTracking().OrderBy(p => p.Id).Select(p => new VenuePark(p.Id, p.NameZh, p.NameEn)).ToListAsync(ct);

    private IQueryable<EventRow> Summaries(IQueryable<Event> events) =>
        from e in events
        join p in db.Set<Park>() on e.ParkId equals p.Id into parks
        from p in parks.DefaultIfEmpty()
        join x in db.Set<Enterprise>() on e.EnterpriseId equals x.Id into enterprises
        from x in enterprises.DefaultIfEmpty()
        select new EventRow
        {
            Event = e, ParkZh = p == null ? null : p.NameZh, ParkEn = p == null ? null : p.NameEn,
            EnterpriseZh = x == null ? null : x.NameZh, EnterpriseEn = x == null ? null : x.NameEn,
        };

    private EventSummary Summary(EventRow row)
    {
        var e = row.Event;
        var zone = ZoneOf(e);
        var (zh, en) = e.OrganiserKind switch
        {
            Organisers.Park => (row.ParkZh ?? "", row.ParkEn ?? ""),
            Organisers.Enterprise => (row.EnterpriseZh ?? "", row.EnterpriseEn ?? ""),
            _ => ("区政府", "District government"),
        };
        return new EventSummary(e.Id, e.TitleZh, e.TitleEn, e.Kind, e.OrganiserKind, zh, en, EventTimes.Utc(e.StartsAt), EventTimes.Utc(e.EndsAt), e.TimeZone,
            EventTimes.Local(e.StartsAt, zone), EventTimes.Local(e.EndsAt, zone), e.Venue, e.SpaceBookingId is not null, e.Capacity,
            Math.Max(0, e.Capacity - e.SeatsTaken), e.Registration, e.Status, $"{site.Value}/events/{e.Id}");
    }

    private async Task<bool> VenueExistsAsync(string venue, CancellationToken ct) =>
        venue is EventVenues.Hall or EventVenues.Zone || (venue.StartsWith(EventVenues.ParkPrefix, StringComparison.Ordinal) && int.TryParse(venue.AsSpan(5), out var parkId)
            && await db.Set<Park>().AnyAsync(p => p.Id == parkId, ct));

    /// <summary>A live booking the person made, or of a space in their park for its operators.</summary>
    private async Task<bool> MayUseBookingAsync(ClaimsPrincipal user, Guid bookingId, CancellationToken ct)
    {
        var userId = user.UserId();
        var parkId = user.IsInRole(Roles.ParkOperator) ? user.ParkId() : null;
        return await (from b in db.Set<Booking>()
                      join s in db.Set<Space>() on b.SpaceId equals s.Id
                      where b.Id == bookingId && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending)
                            && (b.UserId == userId || (parkId != null && s.ParkId == parkId))
                      select b.Id).AnyAsync(ct);
    }

    internal static Failure NoEvent(int id) => Failure.NotFound("There is no event with id {0}.", id);

    private static TimeZoneInfo ZoneOf(Event e) => TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);


    /// <summary>An event with its organiser's names (a class with setters: EF Core composes filters over it).</summary>
    private sealed class EventRow
    {
        public required Event Event { get; init; }
        public string? ParkZh { get; init; }
        public string? ParkEn { get; init; }
        public string? EnterpriseZh { get; init; }
        public string? EnterpriseEn { get; init; }
    }
}
