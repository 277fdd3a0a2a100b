using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>
/// The service hall's queues. A visitor takes a number at an open desk (one number at a time, anywhere in the hall) and
/// keeps it when they leave the hall; an official signed in to the desk calls the next, notes the outcome (or a no-show,
/// or transfers the visitor to another desk, where they keep their place in time), and the visitor rates the service.
/// Numbers are given out one at a time across the cluster (<see cref="ServiceHallTurn"/>); a call takes a waiting
/// number only if nobody else took it meanwhile. Every change is signalled to the live streams of every node.
/// </summary>
public sealed class ServiceHallService(
    LingjingDbContext db, ServiceHallTurn turn, LiveBroadcast<ServiceHallSignal> signals, Notifier notifier, TimeProvider time, IOptions<LingjingOptions> options)
{
    public async Task<List<DeskView>> DesksAsync(CancellationToken ct)
    {
        var desks = await db.Set<ServiceDesk>().AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
        var views = new List<DeskView>();
        foreach (var desk in desks) views.Add(View(desk, await ServiceHallFeed.ReadAsync(db, desk.Id, ct)));
        return views;
    }

    public async Task<DeskView?> DeskAsync(int deskId, CancellationToken ct) =>
        await db.Set<ServiceDesk>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId, ct) is { } desk
            ? View(desk, await ServiceHallFeed.ReadAsync(db, desk.Id, ct))
            : null;

    public async Task<Outcome<TicketView>> TakeAsync(int deskId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } me) return Failure.Forbidden("Sign in to take a number.");
        var desk = await db.Set<ServiceDesk>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null) return NoDesk(deskId);
        var (open, _, next) = DeskHours.At(desk, Local());
        if (!open) return Closed(desk, next);
        await using (await turn.EnterAsync(ct))
        {
            var holding = await db.Set<ServiceTicket>().AsNoTracking()
                .FirstOrDefaultAsync(t => t.UserId == me && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called), ct);
            if (holding is not null)
                return (Failure.Conflict("You already hold number {0}; leave that queue first to take another.", holding.Number) with { Code = "service-hall.holding" })
                    .With("ticketId", holding.Id);
            var now = time.GetUtcNow().UtcDateTime;
            var ticket = await NewTicketAsync(desk, me, user.DisplayName(), user.EnterpriseId(), now, now, ct);
            db.Add(ticket);
            await db.SaveChangesAsync(ct);
            signals.Publish(new ServiceHallSignal(desk.Id));
            return await TicketViewAsync(ticket, ct);
        }
    }

    public async Task<Outcome<TicketView>> LeaveAsync(Guid ticketId, ClaimsPrincipal user, CancellationToken ct)
    {
        var ticket = await OwnAsync(ticketId, user, ct);
        if (ticket is null) return NoTicket(ticketId);
        if (!TicketStatus.Active(ticket.Status)) return Failure.Conflict("Number {0} is no longer in a queue.", ticket.Number);
        return await ChangeAsync(ticket, ticket.Status, t => { t.Status = TicketStatus.Left; t.FinishedAt = Now(); }, ct);
    }

    public async Task<Outcome<TicketView>> RateAsync(Guid ticketId, ClaimsPrincipal user, RatingInput input, CancellationToken ct)
    {
        var ticket = await OwnAsync(ticketId, user, ct);
        if (ticket is null) return NoTicket(ticketId);
        var errors = new FieldErrors();
        if (input.Stars is not (>= 1 and <= 5)) errors.Add(new Field("stars", "Stars"), "Give one to five stars.");
        errors.MaxLength(new Field("comment", "Comment"), input.Comment, 500, multiline: true);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (ticket.Status != TicketStatus.Done) return Failure.Conflict("A service is rated once it is done.");
        if (ticket.Rating is not null) return Failure.Conflict("You rated this service already.");
        var comment = input.Comment?.Trim();
        var changed = await db.Set<ServiceTicket>().Where(t => t.Id == ticketId && t.Rating == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Rating, input.Stars).SetProperty(t => t.RatingComment, comment is { Length: > 0 } ? comment : null), ct);
        if (changed == 0) return Failure.Conflict("You rated this service already.");
        return await TicketViewAsync((await db.Set<ServiceTicket>().AsNoTracking().FirstAsync(t => t.Id == ticketId, ct)), ct);
    }

    public async Task<TicketView?> FindAsync(Guid ticketId, ClaimsPrincipal user, CancellationToken ct) =>
        await db.Set<ServiceTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) is { } ticket
        && (ticket.UserId == user.UserId() || user.IsInRole(Roles.Government))
            ? await TicketViewAsync(ticket, ct)
            : null;

    /// <summary>The person's numbers: the one they hold first, then the last ones of the past weeks.</summary>
    public async Task<List<TicketView>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var tickets = await db.Set<ServiceTicket>().AsNoTracking().Where(t => t.UserId == me)
            .OrderByDescending(t => t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called).ThenByDescending(t => t.TakenAt).Take(10).ToListAsync(ct);
        var views = new List<TicketView>();
        foreach (var ticket in tickets) views.Add(await TicketViewAsync(ticket, ct));
        return views;
    }

    // The officials' side.

    /// <summary>Changes a desk's hours (and working days, names, appointment room): the government's to set.</summary>
    public async Task<Outcome<DeskView>> ChangeDeskAsync(int deskId, DeskInput input, CancellationToken ct)
    {
        var desk = await db.Set<ServiceDesk>().FirstOrDefaultAsync(d => d.Id == deskId, ct);
        if (desk is null) return NoDesk(deskId);
        var errors = new FieldErrors();
        if (input.Hours is { } hours && DeskHours.Periods(hours).Count == 0)
            errors.Add(new Field("hours", "Hours"), "Write the opening periods as 09:00-12:00,13:30-17:30.");
        if (input.Weekdays is not null and not (>= 0 and <= 127)) errors.Add(new Field("weekdays", "Working days"), "A bit mask of the days, Monday = 1 … Sunday = 64.");
        errors.MaxLength(new Field("nameZh", "Name (Chinese)"), input.NameZh, 100);
        errors.MaxLength(new Field("nameEn", "Name (English)"), input.NameEn, 100);
        if (input.AppointmentSpaceId is { } space && !await db.Set<Zone.Space>().AnyAsync(s => s.Id == space, ct))
            errors.Add(new Field("appointmentSpaceId", "Appointment room"), "There is no space {0}.", space);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        desk.Hours = input.Hours?.Trim() ?? desk.Hours;
        desk.Weekdays = input.Weekdays ?? desk.Weekdays;
        desk.NameZh = string.IsNullOrWhiteSpace(input.NameZh) ? desk.NameZh : input.NameZh.Trim();
        desk.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? desk.NameEn : input.NameEn.Trim();
        desk.AppointmentSpaceId = input.AppointmentSpaceId ?? desk.AppointmentSpaceId;
        await db.SaveChangesAsync(ct);
        signals.Publish(new ServiceHallSignal(deskId));
        return (await DeskAsync(deskId, ct))!;
    }

    public async Task<Outcome<DeskConsole>> SignInAsync(int deskId, ClaimsPrincipal official, CancellationToken ct)
    {
        if (await db.Set<ServiceDesk>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId, ct) is null) return NoDesk(deskId);
        var me = official.UserId()!.Value;
        var now = Now();
        await db.Set<DeskOfficial>().Where(o => o.UserId == me && o.DeskId != deskId && o.SignedInAt != null).ExecuteUpdateAsync(s => s.SetProperty(o => o.SignedInAt, (DateTime?)null), ct);
        if (await db.Set<DeskOfficial>().Where(o => o.UserId == me && o.DeskId == deskId).ExecuteUpdateAsync(s => s.SetProperty(o => o.SignedInAt, now), ct) == 0)
        {
            db.Add(new DeskOfficial { DeskId = deskId, UserId = me, SignedInAt = now });
            await db.SaveChangesAsync(ct);
        }
        signals.Publish(new ServiceHallSignal(deskId));
        return (await ConsoleAsync(deskId, official, ct))!;
    }

    public async Task<Outcome<DeskConsole>> SignOutAsync(int deskId, ClaimsPrincipal official, CancellationToken ct)
    {
        var me = official.UserId()!.Value;
        if (await db.Set<DeskOfficial>().Where(o => o.UserId == me && o.DeskId == deskId && o.SignedInAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.SignedInAt, (DateTime?)null), ct) == 0)
            return Failure.Conflict("You are not signed in to this desk.");
        signals.Publish(new ServiceHallSignal(deskId));
        return (await ConsoleAsync(deskId, official, ct))!;
    }

    public async Task<DeskConsole?> ConsoleAsync(int deskId, ClaimsPrincipal official, CancellationToken ct)
    {
        var desk = await DeskAsync(deskId, ct);
        if (desk is null) return null;
        var me = official.UserId();
        var active = await db.Set<ServiceTicket>().AsNoTracking()
            .Where(t => t.DeskId == deskId && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called))
            .OrderBy(t => t.QueuedAt).ThenBy(t => t.TakenAt).ToListAsync(ct);
        var onDuty = await (from o in db.Set<DeskOfficial>() join u in db.Users on o.UserId equals u.Id
                            where o.DeskId == deskId && o.SignedInAt != null select new { o.UserId, u.DisplayName }).ToListAsync(ct);
        var today = Today();
        var served = await db.Set<ServiceTicket>().CountAsync(t => t.DeskId == deskId && t.Day == today && t.Status == TicketStatus.Done, ct);
        ConsoleTicket Line(ServiceTicket t) => new(t.Id, t.Number, t.VisitorName, Utc(t.QueuedAt), t.CalledAt is { } c ? Utc(c) : null, t.OfficialName, t.TransferredFrom is not null);
        return new DeskConsole(desk, active.Where(t => t.Status == TicketStatus.Waiting).Select(Line).ToList(),
            active.Where(t => t.Status == TicketStatus.Called).Select(Line).ToList(), onDuty.Select(o => o.DisplayName).ToList(),
            onDuty.Any(o => o.UserId == me), served);
    }

    /// <summary>Calls the desk's next number for this official: the one waiting longest that nobody else called meanwhile.</summary>
    public async Task<Outcome<TicketView>> CallNextAsync(int deskId, ClaimsPrincipal official, CancellationToken ct)
    {
        var me = official.UserId()!.Value;
        if (!await db.Set<DeskOfficial>().AnyAsync(o => o.DeskId == deskId && o.UserId == me && o.SignedInAt != null, ct))
            return Failure.Conflict("Sign in to the desk before calling numbers.");
        if (await db.Set<ServiceTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.OfficialId == me && t.Status == TicketStatus.Called, ct) is { } serving)
            return (Failure.Conflict("You are serving number {0}; finish it first.", serving.Number) with { Code = "service-hall.serving" }).With("ticketId", serving.Id);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var next = await db.Set<ServiceTicket>().AsNoTracking().Where(t => t.DeskId == deskId && t.Status == TicketStatus.Waiting)
                .OrderBy(t => t.QueuedAt).ThenBy(t => t.TakenAt).FirstOrDefaultAsync(ct);
            if (next is null) return Failure.Conflict("Nobody is waiting at this desk.") with { Code = "service-hall.empty" };
            var now = Now();
            var name = official.DisplayName();
            var taken = await db.Set<ServiceTicket>().Where(t => t.Id == next.Id && t.Status == TicketStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Called).SetProperty(t => t.CalledAt, now)
                    .SetProperty(t => t.OfficialId, me).SetProperty(t => t.OfficialName, name), ct);
            if (taken == 0) continue; // another official called it first
            signals.Publish(new ServiceHallSignal(deskId));
            var desk = await db.Set<ServiceDesk>().AsNoTracking().FirstAsync(d => d.Id == deskId, ct);
            await notifier.NotifyUsersAsync([next.UserId], new NotificationMessage("service-hall",
                $"Number {next.Number} is called at desk {desk.Code}", $"请 {next.Number} 号到 {desk.Code} 号窗口",
                $"{name} at desk {desk.Code} ({desk.NameEn}) is ready for you. Go to the desk in the service hall.",
                $"{desk.Code} 号窗口（{desk.NameZh}）的{name}正在等您，请前往服务大厅窗口。", $"/service-hall?ticket={next.Id}", $"ticket-called:{next.Id}"), ct);
            return await TicketViewAsync(await db.Set<ServiceTicket>().AsNoTracking().FirstAsync(t => t.Id == next.Id, ct), ct);
        }
        return Failure.Conflict("The queue is changing fast; try again.");
    }

    public async Task<Outcome<TicketView>> FinishAsync(Guid ticketId, ClaimsPrincipal official, OutcomeInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required(new Field("outcome", "Outcome"), input.Outcome, 1_000);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await CalledAsync(ticketId, ct) is not { } ticket) return NotCalled(ticketId);
        var outcome = input.Outcome!.Trim();
        return await ChangeAsync(ticket, TicketStatus.Called, t => { t.Status = TicketStatus.Done; t.Outcome = outcome; t.FinishedAt = Now(); }, ct, official);
    }

    public async Task<Outcome<TicketView>> NoShowAsync(Guid ticketId, ClaimsPrincipal official, CancellationToken ct)
    {
        if (await CalledAsync(ticketId, ct) is not { } ticket) return NotCalled(ticketId);
        return await ChangeAsync(ticket, TicketStatus.Called, t => { t.Status = TicketStatus.NoShow; t.FinishedAt = Now(); }, ct, official);
    }

    /// <summary>Sends a called visitor on to another desk: a new number there, in the queue at the time they first queued.</summary>
    public async Task<Outcome<TicketView>> TransferAsync(Guid ticketId, ClaimsPrincipal official, TransferInput input, CancellationToken ct)
    {
        if (await CalledAsync(ticketId, ct) is not { } ticket) return NotCalled(ticketId);
        var errors = new FieldErrors();
        errors.MaxLength(new Field("note", "Note"), input.Note, 1_000, multiline: true);
        var target = input.DeskId is { } deskId ? await db.Set<ServiceDesk>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deskId, ct) : null;
        if (target is null || target.Id == ticket.DeskId) errors.Add(new Field("deskId", "Desk"), "Choose another desk of the hall.");
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var note = input.Note?.Trim();
        await using (await turn.EnterAsync(ct))
        {
            var now = Now();
            var next = await NewTicketAsync(target!, ticket.UserId, ticket.VisitorName, ticket.EnterpriseId, now, ticket.QueuedAt, ct);
            next.TransferredFrom = ticket.Id;
            var moved = await db.Set<ServiceTicket>().Where(t => t.Id == ticket.Id && t.Status == TicketStatus.Called)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Transferred).SetProperty(t => t.FinishedAt, now)
                    .SetProperty(t => t.Outcome, $"已转至 {target!.Code} 号窗口 · Transferred to desk {target.Code}" + (note is { Length: > 0 } ? ": " + note : ".")), ct);
            if (moved == 0) return Failure.Conflict("Number {0} was changed meanwhile; reload the desk.", ticket.Number);
            db.Add(next);
            await db.SaveChangesAsync(ct);
            signals.Publish(new ServiceHallSignal(ticket.DeskId));
            signals.Publish(new ServiceHallSignal(target!.Id));
            await notifier.NotifyUsersAsync([ticket.UserId], new NotificationMessage("service-hall",
                $"Transferred to desk {target.Code}: your number is {next.Number}", $"已转至 {target.Code} 号窗口，您的新号码为 {next.Number}",
                $"You keep your place in time at {target.NameEn}." + (note is { Length: > 0 } ? " " + note : ""),
                $"您在{target.NameZh}保留原排队时间。" + (note is { Length: > 0 } ? note : ""), $"/service-hall?ticket={next.Id}", $"ticket-transferred:{ticket.Id}"), ct);
            return await TicketViewAsync(next, ct);
        }
    }

    // Shared steps.

    private async Task<ServiceTicket> NewTicketAsync(ServiceDesk desk, Guid user, string name, int? enterprise, DateTime now, DateTime queuedAt, CancellationToken ct)
    {
        var day = Today();
        var sequence = (await db.Set<ServiceTicket>().Where(t => t.DeskId == desk.Id && t.Day == day).MaxAsync(t => (int?)t.Sequence, ct) ?? 0) + 1;
        return new ServiceTicket
        {
            Id = Guid.NewGuid(), DeskId = desk.Id, Day = day, Sequence = sequence, Number = desk.Code + sequence.ToString("000", CultureInfo.InvariantCulture),
            UserId = user, VisitorName = name, EnterpriseId = enterprise, Status = TicketStatus.Waiting, TakenAt = now, QueuedAt = queuedAt,
        };
    }

    /// <summary>Applies a change to a ticket if it is still in <paramref name="from"/>; 409 when someone changed it meanwhile.</summary>
    private async Task<Outcome<TicketView>> ChangeAsync(ServiceTicket ticket, string from, Action<ServiceTicket> change, CancellationToken ct, ClaimsPrincipal? official = null)
    {
        var tracked = await db.Set<ServiceTicket>().FirstAsync(t => t.Id == ticket.Id, ct);
        if (tracked.Status != from) return Failure.Conflict("Number {0} was changed meanwhile; reload it.", ticket.Number);
        change(tracked);
        if (official is not null && tracked.OfficialId is null) (tracked.OfficialId, tracked.OfficialName) = (official.UserId(), official.DisplayName());
        var changed = await db.Set<ServiceTicket>().Where(t => t.Id == ticket.Id && t.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, tracked.Status).SetProperty(t => t.FinishedAt, tracked.FinishedAt)
                .SetProperty(t => t.Outcome, tracked.Outcome).SetProperty(t => t.OfficialId, tracked.OfficialId).SetProperty(t => t.OfficialName, tracked.OfficialName), ct);
        db.ChangeTracker.Clear();
        if (changed == 0) return Failure.Conflict("Number {0} was changed meanwhile; reload it.", ticket.Number);
        signals.Publish(new ServiceHallSignal(ticket.DeskId));
        return await TicketViewAsync(tracked, ct);
    }

    private async Task<TicketView> TicketViewAsync(ServiceTicket t, CancellationToken ct)
    {
        var desk = await db.Set<ServiceDesk>().AsNoTracking().FirstAsync(d => d.Id == t.DeskId, ct);
        int? position = null, eta = null;
        if (t.Status == TicketStatus.Waiting)
        {
            var queue = await ServiceHallFeed.ReadAsync(db, t.DeskId, ct);
            position = queue.Position(t.Id);
            eta = position is { } p ? queue.Eta(p) : null;
        }
        var transferredTo = t.Status == TicketStatus.Transferred
            ? await db.Set<ServiceTicket>().Where(n => n.TransferredFrom == t.Id).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct)
            : null;
        return View(t, desk, position, eta, transferredTo);
    }

    public static TicketView View(ServiceTicket t, ServiceDesk desk, int? position, int? eta, Guid? transferredTo) =>
        new(t.Id, t.Number, desk.Id, desk.Code, desk.NameZh, desk.NameEn, t.Status, position, eta, Utc(t.TakenAt), t.CalledAt is { } c ? Utc(c) : null,
            t.FinishedAt is { } f ? Utc(f) : null, t.OfficialName, t.Outcome, t.Rating, t.RatingComment, transferredTo);

    private DeskView View(ServiceDesk desk, DeskQueue queue)
    {
        var (open, closes, next) = DeskHours.At(desk, Local());
        return new DeskView(desk.Id, desk.Code, desk.Category, desk.NameZh, desk.NameEn, open, Zone(closes), Zone(next), desk.Hours, desk.Weekdays,
            queue.Waiting.Count, queue.OfficialsOnDuty, queue.Eta(queue.Waiting.Count + 1), desk.AppointmentSpaceId, desk.Position);
    }

    private async Task<ServiceTicket?> OwnAsync(Guid ticketId, ClaimsPrincipal user, CancellationToken ct) =>
        await db.Set<ServiceTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId && t.UserId == user.UserId(), ct);

    private async Task<ServiceTicket?> CalledAsync(Guid ticketId, CancellationToken ct) =>
        await db.Set<ServiceTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId && t.Status == TicketStatus.Called, ct);

    private Failure Closed(ServiceDesk desk, DateTime? next)
    {
        var failure = next is { } opens
            ? Failure.Conflict("Desk {0} is closed now; it opens {1:yyyy-MM-dd HH:mm}. Book an appointment, or come back then.", desk.Code, opens)
            : Failure.Conflict("Desk {0} is closed.", desk.Code);
        return (failure with { Code = "service-hall.closed" }).With("nextOpening", Zone(next)).With("appointmentSpaceId", desk.AppointmentSpaceId);
    }

    private static Failure NoDesk(int id) => Failure.NotFound("There is no desk {0} in the service hall.", id);

    private static Failure NoTicket(Guid id) => Failure.NotFound("You hold no number {0}.", id);

    private static Failure NotCalled(Guid id) => Failure.Conflict("Number {0} is not being served: call it first.", id);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private DateTime Local() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime;

    private DateOnly Today() => DateOnly.FromDateTime(Local());

    private DateTimeOffset? Zone(DateTime? local) =>
        local is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), options.Value.ZoneTimeZone.GetUtcOffset(l)) : null;

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>One taker of numbers at a time across the cluster: the day's sequence and the "one number per person" rule.</summary>
public sealed class ServiceHallTurn(DatabaseSettings database) : IDisposable
{
    private readonly DatabaseTurn _turn = new(database, 83881858788740, TimeSpan.FromSeconds(30));

    public Task<IAsyncDisposable> EnterAsync(CancellationToken ct) => _turn.EnterAsync(ct);

    public void Dispose() => _turn.Dispose();
}
