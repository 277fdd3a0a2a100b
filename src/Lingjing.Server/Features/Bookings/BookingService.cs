using System.Security.Claims;
using System.Security.Cryptography;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Books spaces, lists and cancels bookings. The rules of the space decide what may be
/// booked; <see cref="BookingWriter"/> makes sure two live bookings never overlap.</summary>
public sealed class BookingService(
    LingjingDbContext db, BookableSpaces spaces, BookingWriter writer, BookingAudienceCheck audience, BookingNotices notices,
    BookingPlaces places, TimeProvider time, IOptions<LingjingOptions> options, BookingMetrics metrics)
{
    private const int AlternativeCount = 3;
    // Each attempt re-reads the live bookings, so a click loses at most once per concurrent winner.
    private const int NextSlotAttempts = 20;
    private readonly TimeZoneInfo zone = options.Value.ZoneTimeZone;

    public TimeZoneInfo Zone => zone;

    public async Task<Outcome<BookingView>> CreateAsync(int spaceId, BookingRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        metrics.Recorded(await CreateUnmeasuredAsync(spaceId, request, user, ct));

    private async Task<Outcome<BookingView>> CreateUnmeasuredAsync(int spaceId, BookingRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var start = BookingRules.ParseInstant(request.Start, new("The start"), out var startProblem);
        if (startProblem is not null) return BookingError.BadInput(startProblem);
        var end = BookingRules.ParseInstant(request.End, new("The end"), out var endProblem);
        if (endProblem is not null) return BookingError.BadInput(endProblem);
        if (BookingRules.CheckPurpose(request.Purpose) is { } purposeProblem) return BookingError.BadInput(purposeProblem);

        var bookable = await spaces.FindAsync(spaceId, ct);
        if (bookable is null) return Failure.NotFound("There is no space with id {0}.", spaceId);
        if (BookingRules.CheckAttendees(bookable, request.Attendees) is { } attendeesProblem)
            return BookingError.BadInput(attendeesProblem);
        if (BookingRules.Check(bookable, start!.Value, end!.Value, time.GetUtcNow(), zone) is { } broken)
            return BookingError.BadInput(broken);
        if (await audience.RefusalAsync(bookable, user, ct) is { } refusal) return BookingError.Forbidden(refusal);
        var limits = await spaces.LimitsAsync(bookable.Space.ParkId, ct);
        // One connection for the insert and, on a clash, the alternatives: not one pool round trip each.
        // Nothing that may need a connection of its own (the cached rules and limits) is awaited while it is
        // held: in a burst every pooled connection would wait for one more, until the pool's timeout.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await BookAsync(bookable, limits, start.Value, end.Value, request.Purpose, request.Attendees, user, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>"Book next free slot": the space's default length at the first free time from now
    /// (or from <see cref="NextSlotRequest.After"/>); if somebody takes it first, the next one.</summary>
    public async Task<Outcome<BookingView>> BookNextAsync(int spaceId, NextSlotRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        metrics.Recorded(await BookNextUnmeasuredAsync(spaceId, request, user, ct));

    private async Task<Outcome<BookingView>> BookNextUnmeasuredAsync(int spaceId, NextSlotRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (BookingRules.CheckPurpose(request.Purpose) is { } purposeProblem) return BookingError.BadInput(purposeProblem);
        var now = time.GetUtcNow();
        var after = now;
        if (request.After is { Length: > 0 })
        {
            var parsed = BookingRules.ParseInstant(request.After, new("The earliest start"), out var afterProblem);
            if (afterProblem is not null) return BookingError.BadInput(afterProblem);
            if (parsed > now) after = parsed.Value;
        }
        var bookable = await spaces.FindAsync(spaceId, ct);
        if (bookable is null) return Failure.NotFound("There is no space with id {0}.", spaceId);
        if (await audience.RefusalAsync(bookable, user, ct) is { } refusal) return BookingError.Forbidden(refusal);

        var from = SpaceCalendar.NextQuarterHour(after);
        var limits = await spaces.LimitsAsync(bookable.Space.ParkId, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (var attempt = 0; attempt < NextSlotAttempts; attempt++)
            {
                var next = await FreeSlotsAsync(bookable, from, bookable.Rules.DefaultLength, now, 1, ct);
                if (next.Count == 0)
                    return Failure.Conflict("The space has no free time in the next {0} days.", bookable.Rules.MaxDaysAhead);
                var booked = await BookAsync(bookable, limits, next[0].Start, next[0].End, request.Purpose, null, user, ct);
                if (booked.Failure?.IsClash() != true) return booked;
            }
            return Failure.Conflict("The space is in high demand right now; please try again.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The next free slots of a length from a start: the coming two weeks first (one small
    /// query, enough almost always), the space's whole booking horizon only when they are full.</summary>
    private async Task<List<FreeSlot>> FreeSlotsAsync(BookableSpace bookable, DateTimeOffset from, TimeSpan length, DateTimeOffset now, int count, CancellationToken ct)
    {
        var horizon = now + TimeSpan.FromDays(bookable.Rules.MaxDaysAhead) + length;
        var near = from + TimeSpan.FromDays(14);
        var live = await writer.LiveBookingsAsync(bookable.Space.Id, from, near < horizon ? near : horizon, ct);
        var found = SpaceCalendar.NextFree(bookable, live, from, length, now, zone, count);
        // Only slots held entirely before `near` were checked against every booking that matters.
        if (near >= horizon || found.Count(f => f.End + bookable.Rules.Buffer <= near) == count) return found;
        live = await writer.LiveBookingsAsync(bookable.Space.Id, from, horizon, ct);
        return SpaceCalendar.NextFree(bookable, live, from, length, now, zone, count);
    }

    public async Task<List<FreeSlot>?> AvailabilityAsync(int spaceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var bookable = await spaces.FindAsync(spaceId, ct);
        if (bookable is null) return null;
        var live = await writer.LiveBookingsAsync(spaceId, from, to, ct);
        return SpaceCalendar.FreeSlots(bookable, live, from, to, time.GetUtcNow(), zone);
    }

    /// <summary>The person's bookings, upcoming first then the most recent past ones.</summary>
    public async Task<List<BookingView>> MineAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.UserId == userId)
            .OrderByDescending(b => b.StartsAt).Take(500).ToListAsync(ct);
        var where = await places.ForAsync(rows.Select(b => b.SpaceId), ct);
        var now = time.GetUtcNow().UtcDateTime;
        return rows.OrderBy(b => b.EndsAt < now).ThenBy(b => b.EndsAt < now ? -b.StartsAt.Ticks : b.StartsAt.Ticks)
            .Select(b => BookingView.Of(b, where[b.SpaceId], zone)).ToList();
    }

    /// <summary>A booking the person may see: their own, or any of their park's spaces for its
    /// operators, or any for the government. Null otherwise, so forged ids read as unknown.</summary>
    public async Task<(Booking Booking, BookingPlace Place)?> FindVisibleAsync(Guid bookingId, ClaimsPrincipal user, CancellationToken ct)
    {
        var booking = await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || await places.ForAsync(booking.SpaceId, ct) is not { } place) return null;
        var visible = booking.UserId == user.UserId() || user.IsInRole(Roles.Government)
            || (user.IsInRole(Roles.ParkOperator) && user.ParkId() == place.ParkId);
        return visible ? (booking, place) : null;
    }

    /// <summary>Meeting rooms and studios for a quick booking: in the person's park (their own or
    /// their enterprise's) when they have one, open to them, smallest first; each with where it is.</summary>
    public async Task<List<BookingPlace>> SuggestedSpacesAsync(ClaimsPrincipal user, int count, CancellationToken ct)
    {
        var parkId = user.ParkId() ?? (user.EnterpriseId() is { } enterpriseId
            ? await db.Set<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => (int?)e.ParkId).FirstOrDefaultAsync(ct)
            : null);
        var candidates = await db.Set<Space>().AsNoTracking()
            .Where(s => (parkId == null || s.ParkId == parkId) && (s.SpaceType == "meeting-room" || s.SpaceType == "studio"))
            .OrderBy(s => s.Capacity).ThenBy(s => s.Id).Take(count * 4).ToListAsync(ct);
        var open = new List<Space>();
        foreach (var space in candidates)
        {
            if (open.Count == count) break;
            if (await spaces.FindAsync(space.Id, ct) is { } bookable && await audience.RefusalAsync(bookable, user, ct) is null) open.Add(space);
        }
        var where = await places.ForAsync(open.Select(s => s.Id), ct);
        return open.Select(s => where[s.Id]).ToList();
    }

    public async Task<int> NoShowMinutesAsync(int spaceId, CancellationToken ct) =>
        (await spaces.FindAsync(spaceId, ct))?.Rules.NoShowReleaseMinutes ?? SpaceBookingRules.Defaults(spaceId).NoShowReleaseMinutes;

    public async Task<BookingView?> ViewAsync(Guid bookingId, ClaimsPrincipal user, CancellationToken ct) =>
        await FindVisibleAsync(bookingId, user, ct) is { } found ? BookingView.Of(found.Booking, found.Place, zone) : null;

    /// <summary>Cancels a live booking of this person; 404 when they have none with this id, 409 when it is over or no longer live.</summary>
    public async Task<Failure?> CancelAsync(Guid bookingId, Guid userId, CancellationToken ct)
    {
        var booking = await db.Set<Booking>().FirstOrDefaultAsync(b => b.Id == bookingId && b.UserId == userId, ct);
        if (booking is null) return Failure.NotFound("You have no booking with id {0}.", bookingId);
        if (booking.Status == BookingStatus.Cancelled) return null;
        if (!BookingStatus.IsLive(booking.Status)) return Failure.Conflict("A {0} booking cannot be cancelled.", booking.Status);
        if (booking.EndsAt <= time.GetUtcNow().UtcDateTime) return Failure.Conflict("The booking is already over.");
        booking.Status = BookingStatus.Cancelled;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<Outcome<BookingView>> BookAsync(BookableSpace bookable, ParkLimitsView limits, DateTimeOffset start, DateTimeOffset end,
        string? purpose, int? attendees, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var booking = new Booking
        {
            Id = Guid.NewGuid(),
            SpaceId = bookable.Space.Id,
            UserId = user.UserId()!.Value,
            EnterpriseId = user.EnterpriseId(),
            StartsAt = start.UtcDateTime,
            EndsAt = end.UtcDateTime,
            HeldUntil = (end + bookable.Rules.Buffer).UtcDateTime,
            Purpose = purpose?.Trim() ?? "",
            Attendees = attendees ?? 1,
            Status = bookable.Rules.RequiresApproval ? BookingStatus.Pending : BookingStatus.Confirmed,
            CheckInCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            CreatedAt = now.UtcDateTime,
        };
        var (quota, limit) = Checks(bookable, limits, booking, start, now);
        var outcome = await writer.InsertAsync(booking, quota, limit, ct);
        if (outcome == BookingWriter.Outcome.Clash)
            return BookingError.Taken(await FreeSlotsAsync(bookable, start, end - start, now, AlternativeCount, ct));
        if (Refusal(outcome, quota, limit) is { } refusal) return refusal;
        var place = (await places.ForAsync(bookable.Space.Id, ct))!;
        if (booking.Status == BookingStatus.Pending) await notices.RequestedAsync(booking, place, ct);
        return BookingView.Of(booking, place, zone);
    }

    /// <summary>Moves one of the person's live bookings that has not started to a new time of the
    /// same space, in one transaction that checks the rules, the overlap, the weekly quota and the
    /// park's limits exactly as a new booking (not counting the booking itself). The booking keeps its
    /// id, purpose and check-in code; in a space that needs approval it waits for approval again.</summary>
    public async Task<Outcome<BookingView>> RescheduleAsync(Guid bookingId, RescheduleRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var start = BookingRules.ParseInstant(request.Start, new("The start"), out var startProblem);
        if (startProblem is not null) return BookingError.BadInput(startProblem);
        var end = BookingRules.ParseInstant(request.End, new("The end"), out var endProblem);
        if (endProblem is not null) return BookingError.BadInput(endProblem);
        var userId = user.UserId()!.Value;
        var booking = await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId && b.UserId == userId, ct);
        if (booking is null) return Failure.NotFound("You have no booking with id {0}.", bookingId);
        var now = time.GetUtcNow();
        if (!BookingStatus.IsLive(booking.Status)) return Failure.Conflict("A {0} booking cannot be moved; book a new time instead.", booking.Status);
        if (booking.StartsAt <= now.UtcDateTime) return Failure.Conflict("The booking has started and can no longer be moved.");
        var bookable = await spaces.FindAsync(booking.SpaceId, ct);
        if (bookable is null) return Failure.NotFound("There is no space with id {0}.", booking.SpaceId);
        if (BookingRules.Check(bookable, start!.Value, end!.Value, now, zone) is { } broken) return BookingError.BadInput(broken);
        if (await audience.RefusalAsync(bookable, user, ct) is { } refusal) return BookingError.Forbidden(refusal);

        var pending = bookable.Rules.RequiresApproval;
        booking.StartsAt = start.Value.UtcDateTime;
        booking.EndsAt = end.Value.UtcDateTime;
        booking.HeldUntil = (end.Value + bookable.Rules.Buffer).UtcDateTime;
        booking.Status = pending ? BookingStatus.Pending : BookingStatus.Confirmed;
        if (pending) (booking.DecidedAt, booking.DecidedBy) = (null, null);
        (booking.DecisionReason, booking.CheckedInAt, booking.RemindedAt) = (null, null, null);
        var limits = await spaces.LimitsAsync(bookable.Space.ParkId, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var (quota, limit) = Checks(bookable, limits, booking, start.Value, now);
            var outcome = await writer.MoveAsync(booking, now.UtcDateTime, quota, limit, ct);
            if (outcome == BookingWriter.Outcome.Clash)
                return BookingError.Taken(await FreeSlotsAsync(bookable, start.Value, end.Value - start.Value, now, AlternativeCount, ct));
            if (Refusal(outcome, quota, limit) is { } failed) return failed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var place = (await places.ForAsync(bookable.Space.Id, ct))!;
        if (pending) await notices.RescheduledAsync(booking, place, ct);
        return BookingView.Of(booking, place, zone);
    }

    /// <summary>The weekly quota of the space and the park's limits on active bookings that apply to this booking.</summary>
    private (EnterpriseQuota? Quota, ActiveLimit Limit) Checks(BookableSpace bookable, ParkLimitsView limits, Booking booking, DateTimeOffset start, DateTimeOffset now)
    {
        var quota = bookable.Rules.WeeklyQuotaPerEnterprise is { } weekly && booking.EnterpriseId is { } enterpriseId
            ? new EnterpriseQuota(enterpriseId, weekly, WeekOf(start))
            : null;
        var limit = new ActiveLimit(bookable.Space.ParkId, booking.UserId, booking.EnterpriseId, limits.ActivePerPerson, limits.ActivePerEnterprise, now.UtcDateTime);
        return (quota, limit);
    }

    /// <summary>Why a write was refused, in words; null when it was written (a clash is answered with alternatives by the caller).</summary>
    private static Failure? Refusal(BookingWriter.Outcome outcome, EnterpriseQuota? quota, ActiveLimit limit) => outcome switch
    {
        BookingWriter.Outcome.QuotaReached => quota!.Limit == 1
            ? Failure.Invalid("The weekly quota is reached: your enterprise may book this space once a week.")
            : Failure.Invalid("The weekly quota is reached: your enterprise may book this space {0} times a week.", quota.Limit),
        BookingWriter.Outcome.PersonLimitReached => limit.PerPerson == 1
            ? BookingError.LimitReached("You already hold an active booking in this park, its limit per person. Cancel it, or book again once it is over.")
            : BookingError.LimitReached("You already hold {0} active bookings in this park, its limit per person. Cancel one, or book again once one is over.", limit.PerPerson),
        BookingWriter.Outcome.EnterpriseLimitReached => limit.PerEnterprise == 1
            ? BookingError.LimitReached("Your enterprise already holds an active booking in this park, its limit per enterprise. Cancel it, or book again once it is over.")
            : BookingError.LimitReached("Your enterprise already holds {0} active bookings in this park, its limit per enterprise. Cancel one, or book again once one is over.", limit.PerEnterprise),
        BookingWriter.Outcome.NotMovable => Failure.Conflict("The booking can no longer be moved: it was cancelled, decided or has started."),
        _ => null,
    };

    /// <summary>The zone-local week (Monday 00:00 to the next Monday) that contains the instant, in UTC.</summary>
    private (DateTime From, DateTime To) WeekOf(DateTimeOffset instant)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7));
        var from = SpaceCalendar.StartOfDay(monday, zone);
        return (from.UtcDateTime, SpaceCalendar.StartOfDay(monday.AddDays(7), zone).UtcDateTime);
    }
}
