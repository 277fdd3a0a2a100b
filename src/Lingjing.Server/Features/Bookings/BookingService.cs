using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Creates, lists and cancels bookings. Two live bookings of one space never overlap: on
/// PostgreSQL the exclusion constraint of the bookings table refuses the second one (SQLSTATE
/// 23P01); on SQLite the clash check and the insert run in one write transaction begun with
/// BEGIN IMMEDIATE, so no other writer can slip in between them.</summary>
public sealed class BookingService(
    LingjingDbContext db, DatabaseSettings database, TimeProvider time, IOptions<LingjingOptions> options, SqliteWriteGate gate)
{
    private const int AlternativeCount = 3;
    private readonly TimeZoneInfo zone = options.Value.ZoneTimeZone;

    public async Task<BookingAttempt> CreateAsync(int spaceId, BookingRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } userId) return BookingAttempt.Failed(BookingError.NotFound("There is no such user."));
        var start = BookingRules.ParseInstant(request.Start, "start", out var startProblem);
        if (startProblem is not null) return BookingAttempt.Failed(BookingError.BadInput(startProblem));
        var end = BookingRules.ParseInstant(request.End, "end", out var endProblem);
        if (endProblem is not null) return BookingAttempt.Failed(BookingError.BadInput(endProblem));
        if (BookingRules.CheckPurpose(request.Purpose) is { } purposeProblem) return BookingAttempt.Failed(BookingError.BadInput(purposeProblem));

        var space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, ct);
        if (space is null) return BookingAttempt.Failed(BookingError.NotFound($"There is no space with id {spaceId}."));
        var now = time.GetUtcNow();
        if (BookingRules.Check(space, start!.Value, end!.Value, now, zone) is { } broken)
            return BookingAttempt.Failed(BookingError.BadInput(broken));

        var booking = new Booking
        {
            Id = Guid.NewGuid(),
            SpaceId = spaceId,
            UserId = userId,
            EnterpriseId = user.EnterpriseId(),
            StartsAt = start.Value.UtcDateTime,
            EndsAt = end.Value.UtcDateTime,
            Purpose = request.Purpose?.Trim() ?? "",
            Status = BookingStatus.Confirmed,
            CreatedAt = now.UtcDateTime,
        };
        var inserted = database.IsPostgres ? await InsertPostgresAsync(booking, ct) : await InsertSqliteAsync(booking, ct);
        if (inserted) return new BookingAttempt(View(booking), null);

        var live = await LiveBookingsAsync(spaceId, start.Value, start.Value + BookingRules.MaxAhead + BookingRules.MaxDuration, ct);
        var alternatives = SpaceCalendar.NextFree(space, live, start.Value, end.Value - start.Value, now, zone, AlternativeCount);
        return BookingAttempt.Failed(new BookingError(StatusCodes.Status409Conflict,
            "The space is already booked for part of this time.", alternatives));
    }

    public async Task<List<FreeSlot>?> AvailabilityAsync(int spaceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, ct);
        if (space is null) return null;
        var live = await LiveBookingsAsync(spaceId, from, to, ct);
        return SpaceCalendar.HourlyFreeSlots(space, live, from, to, time.GetUtcNow(), zone);
    }

    public async Task<List<BookingView>> MineAsync(Guid userId, CancellationToken ct)
    {
        var bookings = await db.Set<Booking>().AsNoTracking().Where(b => b.UserId == userId)
            .OrderBy(b => b.StartsAt).Take(500).ToListAsync(ct);
        return bookings.Select(View).ToList();
    }

    /// <summary>Cancels a booking of this user; false when the user has no booking with this id.</summary>
    public async Task<bool> CancelAsync(Guid bookingId, Guid userId, CancellationToken ct)
    {
        var booking = await db.Set<Booking>().FirstOrDefaultAsync(b => b.Id == bookingId && b.UserId == userId, ct);
        if (booking is null) return false;
        if (BookingStatus.IsLive(booking.Status))
        {
            booking.Status = BookingStatus.Cancelled;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Inserts and lets the exclusion constraint decide. Concurrent inserts of overlapping
    /// ranges wait on each other's uncommitted rows and may deadlock (SQLSTATE 40P01): PostgreSQL
    /// then aborts one of them, which is tried again and meets either a clash or a free time.</summary>
    private async Task<bool> InsertPostgresAsync(Booking booking, CancellationToken ct)
    {
        const int attempts = 10;
        for (var attempt = 1; ; attempt++)
        {
            db.Add(booking);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
            {
                db.Entry(booking).State = EntityState.Detached;
                return false;
            }
            catch (DbUpdateException e) when (attempt < attempts
                && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
            {
                db.Entry(booking).State = EntityState.Detached;
            }
        }
    }

    private async Task<bool> InsertSqliteAsync(Booking booking, CancellationToken ct)
    {
        // One writer at a time inside this process (so writers queue instead of spinning on
        // busy_timeout), and BEGIN IMMEDIATE so that a writer in another process cannot interleave either.
        using var turn = await gate.EnterAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
            await db.Database.UseTransactionAsync(transaction, ct);
            var clash = await db.Set<Booking>().AnyAsync(b => b.SpaceId == booking.SpaceId
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.StartsAt < booking.EndsAt && booking.StartsAt < b.EndsAt, ct);
            if (clash) return false;
            db.Add(booking);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<Booking>> LiveBookingsAsync(int spaceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var fromUtc = from.UtcDateTime - BookingRules.MaxDuration;
        var toUtc = to.UtcDateTime;
        return await db.Set<Booking>().AsNoTracking()
            .Where(b => b.SpaceId == spaceId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.StartsAt < toUtc && b.EndsAt > fromUtc)
            .OrderBy(b => b.StartsAt).ToListAsync(ct);
    }

    private BookingView View(Booking b) => new(b.Id, b.Status, b.SpaceId,
        SpaceCalendar.InZone(SpaceCalendar.Utc(b.StartsAt), zone), SpaceCalendar.InZone(SpaceCalendar.Utc(b.EndsAt), zone),
        b.Purpose, SpaceCalendar.InZone(SpaceCalendar.Utc(b.CreatedAt), zone));
}
