using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The lifecycle after booking: a park operator approves or rejects a pending booking,
/// the person checks in from 15 minutes before the start. Each step tells the person.</summary>
public sealed class BookingDecisions(LingjingDbContext db, BookingService bookings, BookingNotices notices, TimeProvider time)
{
    public async Task<(BookingView? View, BookingError? Error)> ApproveAsync(Guid id, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var found = await PendingForReviewerAsync(id, reviewer, ct);
        if (found is not ({ } booking, { } space, null)) return Fail(found);
        booking.Status = BookingStatus.Confirmed;
        Decide(booking, reviewer, null);
        await db.SaveChangesAsync(ct);
        await notices.ApprovedAsync(booking, space, ct);
        return (BookingView.Of(booking, space, bookings.Zone), null);
    }

    public async Task<(BookingView? View, BookingError? Error)> RejectAsync(Guid id, string? reason, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0) return (null, BookingError.BadInput("reason is required: tell the person why the booking is rejected."));
        if (trimmed.Length > BookingRules.MaxReasonLength)
            return (null, BookingError.BadInput($"reason is too long: at most {BookingRules.MaxReasonLength} characters."));
        var found = await PendingForReviewerAsync(id, reviewer, ct);
        if (found is not ({ } booking, { } space, null)) return Fail(found);
        booking.Status = BookingStatus.Rejected;
        Decide(booking, reviewer, trimmed);
        await db.SaveChangesAsync(ct);
        await notices.RejectedAsync(booking, space, trimmed, ct);
        return (BookingView.Of(booking, space, bookings.Zone), null);
    }

    /// <summary>Checks in the person who booked (or the space's operator at the door), from 15
    /// minutes before the start until the end. Checking in twice is harmless.</summary>
    public async Task<(BookingView? View, BookingError? Error)> CheckInAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await db.Set<Booking>().Where(b => b.Id == id)
            .Join(db.Spaces, b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s }).FirstOrDefaultAsync(ct);
        var mayCheckIn = row is not null && (row.Booking.UserId == user.UserId()
            || (user.IsInRole(Roles.ParkOperator) && user.ParkId() == row.Space.ParkId));
        if (!mayCheckIn) return (null, BookingError.NotFound($"You have no booking with id {id}."));
        var (booking, space) = (row!.Booking, row.Space);
        var now = time.GetUtcNow();
        var view = BookingView.Of(booking, space, bookings.Zone);
        if (booking.CheckedInAt is not null) return (view, null);
        if (booking.Status == BookingStatus.Pending) return (null, BookingError.Conflict("The booking is not approved yet."));
        if (booking.Status != BookingStatus.Confirmed) return (null, BookingError.Conflict($"A {booking.Status} booking cannot be checked in."));
        if (now < view.CheckInOpensAt)
            return (null, BookingError.Conflict($"Check-in opens at {view.CheckInOpensAt:yyyy-MM-dd HH:mm} (zone time), 15 minutes before the start."));
        if (now >= view.End) return (null, BookingError.Conflict("The booking is over."));
        booking.CheckedInAt = now.UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (BookingView.Of(booking, space, bookings.Zone), null);
    }

    /// <summary>The pending bookings of the reviewer's park (all parks for the government), soonest first.</summary>
    public async Task<List<PendingBooking>> QueueAsync(ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var parkId = reviewer.IsInRole(Roles.Government) ? (int?)null : reviewer.ParkId() ?? -1;
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.Status == BookingStatus.Pending)
            .Join(db.Spaces.AsNoTracking(), b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s })
            .Where(r => parkId == null || r.Space.ParkId == parkId)
            .Join(db.Users.AsNoTracking(), r => r.Booking.UserId, u => u.Id, (r, u) => new { r.Booking, r.Space, u.DisplayName, u.Email, u.EnterpriseId })
            .OrderBy(r => r.Booking.StartsAt).Take(200).ToListAsync(ct);
        return rows.Select(r => new PendingBooking(BookingView.Of(r.Booking, r.Space, bookings.Zone), r.DisplayName, r.Email ?? "", r.EnterpriseId)).ToList();
    }

    private async Task<(Booking? Booking, Space? Space, BookingError? Error)> PendingForReviewerAsync(Guid id, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var row = await db.Set<Booking>().Where(b => b.Id == id)
            .Join(db.Spaces, b => b.SpaceId, s => s.Id, (b, s) => new { Booking = b, Space = s }).FirstOrDefaultAsync(ct);
        if (row is null || !(reviewer.IsInRole(Roles.Government) || reviewer.ParkId() == row.Space.ParkId))
            return (null, null, BookingError.NotFound($"There is no booking with id {id} in your park."));
        if (row.Booking.Status != BookingStatus.Pending)
            return (null, null, BookingError.Conflict($"Only a pending booking can be decided; this one is {row.Booking.Status}."));
        return (row.Booking, row.Space, null);
    }

    private static (BookingView?, BookingError?) Fail((Booking?, Space?, BookingError? Error) found) => (null, found.Error);

    private void Decide(Booking booking, ClaimsPrincipal reviewer, string? reason)
    {
        booking.DecidedAt = time.GetUtcNow().UtcDateTime;
        booking.DecidedBy = reviewer.UserId();
        booking.DecisionReason = reason;
    }
}
