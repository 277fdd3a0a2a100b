using System.Security.Claims;
using System.Security.Cryptography;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events;

/// <summary>Seats at events. A seat is taken by one conditional UPDATE of the event's count (never past its capacity,
/// whatever the concurrency) in the same transaction as the registration, and given back the same way when a
/// registration that held one is cancelled or declined. One registration per person and event (a unique index).</summary>
public sealed class EventRegistrations(LingjingDbContext db, TimeProvider time, PublicBaseUrl site, EventNotices notices)
{
    /// <summary>Check-in at the door opens this long before the start.</summary>
    public static readonly TimeSpan CheckInOpens = TimeSpan.FromHours(1);

    public async Task<Outcome<RegistrationView>> RegisterAsync(ClaimsPrincipal user, int eventId, string? attendance, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var e = await db.Set<Event>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId && x.Status != EventStatus.Draft, ct);
        if (e is null) return EventService.NoEvent(eventId);
        var how = attendance ?? (e.SpaceBookingId is null ? Attendance.Online : Attendance.InPerson);
        if (!Attendance.All.Contains(how)) return Failure.NotOneOf(new Field("attendance", "Attendance"), how, Attendance.All);
        if (how == Attendance.InPerson && e.SpaceBookingId is null) return Failure.Conflict("This event is online only.");
        if (e.Status == EventStatus.Cancelled) return Failure.Conflict("The event was cancelled.");
        if (e.EndsAt <= time.GetUtcNow().UtcDateTime) return Failure.Conflict("The event is over.");

        var existing = await db.Set<EventRegistration>().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct);
        if (existing is { Status: RegistrationStatus.Pending or RegistrationStatus.Confirmed }) return Failure.Conflict("You are already registered.");
        if (existing is { Status: RegistrationStatus.Declined }) return Failure.Conflict("The organiser declined your registration.");
        if (e.Registration == RegistrationModes.Invitation && existing is not { Status: RegistrationStatus.Invited })
            return Failure.Forbidden("This event is by invitation only.");

        var status = e.Registration == RegistrationModes.Approval ? RegistrationStatus.Pending : RegistrationStatus.Confirmed;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await TakeSeatAsync(eventId, ct)) return Failure.Conflict("The event is full.").With("capacity", e.Capacity);
        var registration = existing ?? new EventRegistration
        {
            Id = Guid.NewGuid(), EventId = eventId, UserId = userId, Status = status, Attendance = how, TicketCode = NewTicketCode(),
        };
        (registration.Status, registration.Attendance, registration.RegisteredAt, registration.DecidedAt) = (status, how, now, null);
        if (existing is null) db.Add(registration);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            // The same person registering twice at once: the first one holds the seat.
            return Failure.Conflict("You are already registered.");
        }
        await transaction.CommitAsync(ct);
        return (await ViewsAsync(db.Set<EventRegistration>().Where(r => r.Id == registration.Id), ct))[0];
    }

    public async Task<Outcome<RegistrationView>> MineAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var views = await ViewsAsync(db.Set<EventRegistration>().Where(r => r.EventId == eventId && r.UserId == userId), ct);
        return views.Count == 1 ? views[0] : Failure.NotFound("You are not registered for event {0}.", eventId);
    }

    /// <summary>The person's registrations for events not over yet, soonest first.</summary>
    public async Task<IReadOnlyList<(RegistrationView Registration, int EventId)>> UpcomingAsync(Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var views = await ViewsAsync(from r in db.Set<EventRegistration>()
                                     join e in db.Set<Event>() on r.EventId equals e.Id
                                     where r.UserId == userId && e.EndsAt > now && e.Status == EventStatus.Published
                                     orderby e.StartsAt
                                     select r, ct);
        return views.Select(v => (v, v.EventId)).ToList();
    }

    public async Task<Outcome<RegistrationView>> CancelMineAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var registration = await db.Set<EventRegistration>().AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct);
        if (registration is null) return Failure.NotFound("You are not registered for event {0}.", eventId);
        await EndAsync(registration.Id, eventId, RegistrationStatus.Cancelled, RegistrationStatus.HoldingSeat, ct);
        return (await MineAsync(user, eventId, ct)).Value!;
    }

    /// <summary>The organiser approves (the held seat becomes the person's) or declines (the seat is given back) a
    /// registration waiting for approval.</summary>
    public async Task<Outcome<RegistrationView>> DecideAsync(ClaimsPrincipal user, int eventId, Guid registrationId, bool approve, CancellationToken ct)
    {
        if (await Organiser.ManagedEventAsync(db, user, eventId, ct) is not { } e) return EventService.NoEvent(eventId);
        var registration = await db.Set<EventRegistration>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, ct);
        if (registration is null) return Failure.NotFound("There is no registration with id {0} for this event.", registrationId);
        if (registration.Status != RegistrationStatus.Pending) return Failure.Conflict("Only a registration waiting for approval can be decided; this one was decided already or cancelled.");
        var now = time.GetUtcNow().UtcDateTime;
        if (approve)
            await db.Set<EventRegistration>().Where(r => r.Id == registrationId && r.Status == RegistrationStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Confirmed).SetProperty(r => r.DecidedAt, now), ct);
        else
            await EndAsync(registrationId, eventId, RegistrationStatus.Declined, [RegistrationStatus.Pending], ct);
        await notices.DecidedAsync(e, registration.UserId, approve, ct);
        return (await ViewsAsync(db.Set<EventRegistration>().Where(r => r.Id == registrationId), ct))[0];
    }

    /// <summary>The organiser invites people by their e-mail address; unknown addresses are reported back.</summary>
    public async Task<Outcome<InvitationResult>> InviteAsync(ClaimsPrincipal user, int eventId, IReadOnlyList<string>? emails, CancellationToken ct)
    {
        if (await Organiser.ManagedEventAsync(db, user, eventId, ct) is null) return EventService.NoEvent(eventId);
        var wanted = (emails ?? []).Select(m => m.Trim().ToUpperInvariant()).Where(m => m.Length > 0).Distinct().ToList();
        if (wanted.Count is 0 or > 500) return Failure.Invalid("Name from 1 to 500 e-mail addresses.");
        var people = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var already = await db.Set<EventRegistration>().Where(r => r.EventId == eventId).Select(r => r.UserId).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var invited = 0;
        foreach (var person in people.Where(p => !already.Contains(p.Id)))
        {
            db.Add(new EventRegistration
            {
                Id = Guid.NewGuid(), EventId = eventId, UserId = person.Id, Status = RegistrationStatus.Invited, Attendance = Attendance.Online,
                TicketCode = NewTicketCode(), RegisteredAt = now,
            });
            invited++;
        }
        await db.SaveChangesAsync(ct);
        var known = people.Select(p => p.NormalizedEmail!).ToHashSet();
        return new InvitationResult(invited, people.Count - invited, wanted.Where(m => !known.Contains(m)).Select(m => m.ToLowerInvariant()).ToList());
    }

    /// <summary>Everyone registered for the event, for its organisers.</summary>
    public async Task<Outcome<RegistrationList>> ListAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await Organiser.ManagedEventAsync(db, user, eventId, ct) is not { } e) return EventService.NoEvent(eventId);
        var views = await ViewsAsync(db.Set<EventRegistration>().Where(r => r.EventId == eventId).OrderBy(r => r.RegisteredAt), ct);
        return new RegistrationList(views, views.GroupBy(v => v.Status).ToDictionary(g => g.Key, g => g.Count()),
            views.Count(v => v.CheckedInAt is not null), e.Capacity, e.SeatsTaken);
    }

    /// <summary>At the door: the ticket's code (scanned from its QR code) checks its holder in, from an hour before the
    /// start to the end, by the organisers or the operator of the park whose space is booked for it.</summary>
    public async Task<Outcome<RegistrationView>> CheckInAsync(ClaimsPrincipal user, int eventId, string? code, CancellationToken ct)
    {
        var e = await db.Set<Event>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null || !(Organiser.Manages(user, e) || await OperatesVenueAsync(user, e, ct))) return EventService.NoEvent(eventId);
        if (string.IsNullOrWhiteSpace(code)) return Failure.Invalid("Scan or type the ticket's code.");
        var registration = await db.Set<EventRegistration>().FirstOrDefaultAsync(r => r.EventId == eventId && r.TicketCode == code.Trim(), ct);
        if (registration is null) return Failure.NotFound("No ticket of this event has the code {0}.", code.Trim());
        var now = time.GetUtcNow().UtcDateTime;
        if (registration.CheckedInAt is null)
        {
            if (registration.Status != RegistrationStatus.Confirmed) return Failure.Conflict("This ticket is not confirmed: it waits for approval, or was cancelled or declined.");
            if (e.Status != EventStatus.Published) return Failure.Conflict("The event is not open.");
            if (now < e.StartsAt - CheckInOpens) return Failure.Conflict("Check-in opens an hour before the start.");
            if (now >= e.EndsAt) return Failure.Conflict("The event is over.");
            registration.CheckedInAt = now;
            await db.SaveChangesAsync(ct);
        }
        return (await ViewsAsync(db.Set<EventRegistration>().Where(r => r.Id == registration.Id), ct))[0];
    }

    /// <summary>The address a ticket's QR code carries: the door's check-in page with the ticket's code.</summary>
    public string TicketUrl(int eventId, string code) => $"{site.Value}/check-in/events/{eventId}?code={code}";

    private async Task<bool> TakeSeatAsync(int eventId, CancellationToken ct) =>
        await db.Set<Event>().Where(e => e.Id == eventId && e.SeatsTaken < e.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SeatsTaken, e => e.SeatsTaken + 1), ct) == 1;

    /// <summary>Ends a registration that is in one of <paramref name="from"/> and gives its seat back, in one transaction;
    /// a second cancel at the same time changes nothing.</summary>
    private async Task EndAsync(Guid registrationId, int eventId, string to, IReadOnlyList<string> from, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ended = await db.Set<EventRegistration>().Where(r => r.Id == registrationId && from.Contains(r.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, to).SetProperty(r => r.DecidedAt, now), ct);
        if (ended == 1)
            await db.Set<Event>().Where(e => e.Id == eventId && e.SeatsTaken > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.SeatsTaken, e => e.SeatsTaken - 1), ct);
        await transaction.CommitAsync(ct);
    }


    private async Task<bool> OperatesVenueAsync(ClaimsPrincipal user, Event e, CancellationToken ct) =>
        e.SpaceBookingId is { } bookingId && user.IsInRole(Roles.ParkOperator) && user.ParkId() is { } parkId
        && await (from b in db.Set<Booking>() join s in db.Set<Space>() on b.SpaceId equals s.Id
                  where b.Id == bookingId && s.ParkId == parkId select b.Id).AnyAsync(ct);

    private async Task<List<RegistrationView>> ViewsAsync(IQueryable<EventRegistration> registrations, CancellationToken ct)
    {
        var rows = await (from r in registrations.AsNoTracking()
                          join u in db.Users on r.UserId equals u.Id
                          select new { Registration = r, u.DisplayName, u.Email }).ToListAsync(ct);
        return rows.Select(row =>
        {
            var r = row.Registration;
            var ticket = r.Status == RegistrationStatus.Confirmed;
            return new RegistrationView(r.Id, r.EventId, r.UserId, row.DisplayName, row.Email ?? "", r.Status, r.Attendance, EventTimes.Utc(r.RegisteredAt),
                r.CheckedInAt is { } c ? EventTimes.Utc(c) : null, ticket ? r.TicketCode : null,
                ticket ? $"{site.Value}/api/v1/events/{r.EventId}/registrations/mine/ticket.svg" : null, $"{site.Value}/events/{r.EventId}/join");
        }).ToList();
    }

    /// <summary>Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L): typed by hand when a scan fails.</summary>
    private static string NewTicketCode() => RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 10);

}

/// <summary>What an invitation did: people invited now, people already on the list, addresses nobody has.</summary>
public sealed record InvitationResult(int Invited, int AlreadyListed, IReadOnlyList<string> Unknown);
