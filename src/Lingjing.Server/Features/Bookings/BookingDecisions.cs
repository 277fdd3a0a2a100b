using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The lifecycle after booking: a park operator approves or rejects a pending booking,
/// the person checks in from 15 minutes before the start. Each step tells the person.</summary>
public sealed class BookingDecisions(LingjingDbContext db, BookingService bookings, BookingNotices notices, BookingPlaces places, TimeProvider time)
{
    public async Task<Outcome<BookingView>> ApproveAsync(Guid id, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var found = await PendingForReviewerAsync(id, reviewer, ct);
        if (found is not ({ } booking, { } place, null)) return found.Failure!;
        booking.Status = BookingStatus.Confirmed;
        Decide(booking, reviewer, null);
        await db.SaveChangesAsync(ct);
        await notices.ApprovedAsync(booking, place, ct);
        return BookingView.Of(booking, place, bookings.Zone);
    }

    public async Task<Outcome<BookingView>> RejectAsync(Guid id, string? reason, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0) return Failure.Invalid("A reason is required: tell the person why the booking is rejected.");
        if (trimmed.Length > BookingRules.MaxReasonLength)
            return Failure.Invalid("The reason is too long: at most {0} characters.", BookingRules.MaxReasonLength);
        var found = await PendingForReviewerAsync(id, reviewer, ct);
        if (found is not ({ } booking, { } place, null)) return found.Failure!;
        booking.Status = BookingStatus.Rejected;
        Decide(booking, reviewer, trimmed);
        await db.SaveChangesAsync(ct);
        await notices.RejectedAsync(booking, place, trimmed, ct);
        return BookingView.Of(booking, place, bookings.Zone);
    }

    /// <summary>Checks in the person who booked (or the space's operator at the door), from 15
    /// minutes before the start until the end. Checking in twice is harmless.</summary>
    public async Task<Outcome<BookingView>> CheckInAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await db.Set<Booking>().FirstOrDefaultAsync(b => b.Id == id, ct);
        var where = found is null ? null : await places.ForAsync(found.SpaceId, ct);
        var mayCheckIn = found is not null && where is not null && (found.UserId == user.UserId()
            || (user.IsInRole(Roles.ParkOperator) && user.ParkId() == where.ParkId));
        if (!mayCheckIn) return Failure.NotFound("You have no booking with id {0}.", id);
        var (booking, place) = (found!, where!);
        var now = time.GetUtcNow();
        var view = BookingView.Of(booking, place, bookings.Zone);
        if (booking.CheckedInAt is not null) return view;
        if (booking.Status == BookingStatus.Pending) return Failure.Conflict("The booking is not approved yet.");
        if (booking.Status != BookingStatus.Confirmed) return Failure.Conflict("A {0} booking cannot be checked in.", booking.Status);
        if (now < view.CheckInOpensAt)
            return Failure.Conflict("Check-in opens at {0:yyyy-MM-dd HH:mm} (zone time), 15 minutes before the start.", view.CheckInOpensAt);
        if (now >= view.End) return Failure.Conflict("The booking is over.");
        booking.CheckedInAt = now.UtcDateTime;
        await db.SaveChangesAsync(ct);
        return BookingView.Of(booking, place, bookings.Zone);
    }

    /// <summary>The pending bookings of the reviewer's park (all parks for the government), soonest first.</summary>
    public async Task<List<PendingBooking>> QueueAsync(ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var parkId = reviewer.IsInRole(Roles.Government) ? (int?)null : reviewer.ParkId() ?? -1;
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.Status == BookingStatus.Pending)
            .Join(db.Set<Space>().AsNoTracking(), b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s })
            .Where(r => parkId == null || r.Space.ParkId == parkId)
            .Join(db.Users.AsNoTracking(), r => r.Booking.UserId, u => u.Id, (r, u) => new { r.Booking, u.DisplayName, u.Email, u.EnterpriseId })
            .OrderBy(r => r.Booking.StartsAt).Take(200).ToListAsync(ct);
        var where = await places.ForAsync(rows.Select(r => r.Booking.SpaceId), ct);
        return rows.Select(r => new PendingBooking(BookingView.Of(r.Booking, where[r.Booking.SpaceId], bookings.Zone), r.DisplayName, r.Email ?? "", r.EnterpriseId)).ToList();
    }

    private async Task<(Booking? Booking, BookingPlace? Place, Failure? Failure)> PendingForReviewerAsync(Guid id, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var booking = await db.Set<Booking>().FirstOrDefaultAsync(b => b.Id == id, ct);
        var place = booking is null ? null : await places.ForAsync(booking.SpaceId, ct);
        if (booking is null || place is null || !(reviewer.IsInRole(Roles.Government) || reviewer.ParkId() == place.ParkId))
            return (null, null, Failure.NotFound("There is no booking with id {0} in your park.", id));
        if (booking.Status != BookingStatus.Pending)
            return (null, null, Failure.Conflict("Only a pending booking can be decided; this one is {0}.", booking.Status));
        return (booking, place, null);
    }

    private void Decide(Booking booking, ClaimsPrincipal reviewer, string? reason)
    {
        booking.DecidedAt = time.GetUtcNow().UtcDateTime;
        booking.DecidedBy = reviewer.UserId();
        booking.DecisionReason = reason;
    }
}
