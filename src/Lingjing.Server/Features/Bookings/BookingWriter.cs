using System.Security.Cryptography;
using System.Text;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Writes bookings so that two live bookings of one space never overlap in their held
/// ranges. On PostgreSQL the exclusion constraint of the bookings table refuses the second one
/// (SQLSTATE 23P01); on SQLite the clash check and the write run in one write transaction begun
/// with BEGIN IMMEDIATE, so no other writer can slip in between them. The park's limits on active
/// bookings (per person, per enterprise) and a space's weekly quota are counted in the same
/// transaction: on PostgreSQL under advisory locks per person, per enterprise and per space and
/// enterprise, taken always in that order, so concurrent requests of one person cannot both pass.</summary>
public sealed class BookingWriter(LingjingDbContext db, DatabaseSettings database, SqliteWriteGate gate, CacheEviction eviction)
{
    public enum Outcome { Written, Clash, QuotaReached, PersonLimitReached, EnterpriseLimitReached, NotMovable }

    /// <summary>Statuses that use up quota: everything but cancelled and rejected.</summary>
    private static readonly string[] CountedStatuses = [BookingStatus.Pending, BookingStatus.Confirmed, BookingStatus.NoShow];

    private const int DeadlockAttempts = 10;

    public Task<Outcome> InsertAsync(Booking booking, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct) =>
        EvictingAsync(database.IsPostgres ? InsertPostgresAsync(booking, quota, limit, ct) : InsertSqliteAsync(booking, quota, limit, ct));

    /// <summary>Moves a live booking that has not started to a new range in one transaction: the new
    /// range is checked against every other live booking, the quota and the limits (not counting the
    /// booking itself), and the row is updated in place, so the booking is never doubled and its old
    /// time is never free before the new one is held. <see cref="Outcome.NotMovable"/> when it is no
    /// longer live or has started (a concurrent cancel or an earlier move won).</summary>
    public Task<Outcome> MoveAsync(Booking moved, DateTime now, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct) =>
        EvictingAsync(database.IsPostgres ? MovePostgresAsync(moved, now, quota, limit, ct) : MoveSqliteAsync(moved, now, quota, limit, ct));

    /// <summary>The writes here commit on the ADO.NET connection (raw SQL on PostgreSQL, BEGIN IMMEDIATE on SQLite),
    /// past EF Core's interceptors: what was cached from the bookings table is evicted once the write is committed.</summary>
    private async Task<Outcome> EvictingAsync(Task<Outcome> write)
    {
        var outcome = await write;
        if (outcome == Outcome.Written) await eviction.TablesChangedAsync("bookings");
        return outcome;
    }

    /// <summary>The held ranges of the space's live bookings that meet [from, to), sorted by start.</summary>
    public Task<List<HeldRange>> LiveBookingsAsync(int spaceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (from.UtcDateTime, to.UtcDateTime);
        return db.Set<Booking>().AsNoTracking()
            .Where(b => b.SpaceId == spaceId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.StartsAt < toUtc && b.HeldUntil > fromUtc)
            .OrderBy(b => b.StartsAt).Select(b => new HeldRange(b.StartsAt, b.HeldUntil)).ToListAsync(ct);
    }

    /// <summary>Inserts and lets the exclusion constraint decide, with ON CONFLICT DO NOTHING: a clash
    /// is "0 rows", not an exception, so a refused booking costs no aborted statement, no error log and
    /// (against a committed booking) no dead tuple. Concurrent inserts of overlapping ranges wait on each
    /// other's uncommitted rows and may deadlock (SQLSTATE 40P01): PostgreSQL then aborts one of them,
    /// which is tried again and meets either a clash or a free time.</summary>
    private async Task<Outcome> InsertPostgresAsync(Booking booking, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (quota is null && limit is not { LimitsPerson: true } and not { LimitsEnterprise: true })
                    return await InsertRowAsync(booking, ct) ? Outcome.Written : Outcome.Clash;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await LockAsync(booking.SpaceId, quota, limit, ct);
                if (await CountsReachedAsync(booking.SpaceId, Guid.Empty, quota, limit, ct) is { } reached) return reached;
                if (!await InsertRowAsync(booking, ct)) return Outcome.Clash;
                await transaction.CommitAsync(ct);
                return Outcome.Written;
            }
            catch (PostgresException e) when (attempt < DeadlockAttempts && e.SqlState == PostgresErrorCodes.DeadlockDetected)
            {
            }
        }
    }

    /// <summary>One UPDATE of the row under the advisory locks and the row's own lock; the exclusion
    /// constraint refuses a clash with SQLSTATE 23P01, which rolls the whole move back.</summary>
    private async Task<Outcome> MovePostgresAsync(Booking moved, DateTime now, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await LockAsync(moved.SpaceId, quota, limit, ct);
                var current = (await db.Set<Booking>().FromSql($"SELECT * FROM bookings WHERE id = {moved.Id} FOR UPDATE").AsNoTracking().ToListAsync(ct)).FirstOrDefault();
                if (current is null || !BookingStatus.IsLive(current.Status) || current.StartsAt <= now) return Outcome.NotMovable;
                if (await CountsReachedAsync(moved.SpaceId, moved.Id, quota, limit, ct) is { } reached) return reached;
                try
                {
                    await db.Database.ExecuteSqlAsync($"""
                        UPDATE bookings SET starts_at = {Utc(moved.StartsAt)}, ends_at = {Utc(moved.EndsAt)}, held_until = {Utc(moved.HeldUntil)},
                            status = {moved.Status}, decided_at = {moved.DecidedAt}, decided_by = {moved.DecidedBy}, decision_reason = NULL,
                            checked_in_at = NULL, reminded_at = NULL
                        WHERE id = {moved.Id}
                        """, ct);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
                {
                    return Outcome.Clash;
                }
                await transaction.CommitAsync(ct);
                return Outcome.Written;
            }
            catch (PostgresException e) when (attempt < DeadlockAttempts && e.SqlState == PostgresErrorCodes.DeadlockDetected)
            {
            }
        }
    }

    /// <summary>Advisory locks for the counts this write must see exactly, always in one order:
    /// person, enterprise, then space and enterprise (the weekly quota).</summary>
    private async Task LockAsync(int spaceId, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct)
    {
        if (limit is { LimitsPerson: true })
        {
            var key = LockKey($"booking-person:{limit.ParkId}:{limit.UserId:N}");
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
        if (limit is { LimitsEnterprise: true })
        {
            var key = LockKey($"booking-enterprise:{limit.ParkId}:{limit.EnterpriseId}");
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
        if (quota is not null)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({spaceId}, {quota.EnterpriseId})", ct);
    }

    /// <summary>A 64-bit advisory lock key (a key space apart from the two-integer keys of the quota lock).</summary>
    private static long LockKey(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);

    private async Task<bool> InsertRowAsync(Booking b, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(InsertSql, (NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = b.Id });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = b.SpaceId });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = b.UserId });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)b.EnterpriseId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Utc(b.StartsAt) });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Utc(b.EndsAt) });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Utc(b.HeldUntil) });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = b.Purpose });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = b.Attendees });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = b.Status });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = b.CheckInCode });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Utc(b.CreatedAt) });
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // No conflict target: PostgreSQL takes the exclusion constraint as the arbiter of DO NOTHING.
    private const string InsertSql =
        "INSERT INTO bookings (id, space_id, user_id, enterprise_id, starts_at, ends_at, held_until, purpose, attendees, status, check_in_code, created_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING";

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private async Task<Outcome> InsertSqliteAsync(Booking booking, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct) =>
        await InSqliteWriteAsync(async () =>
        {
            if (await ClashesAsync(booking, ct)) return Outcome.Clash;
            if (await CountsReachedAsync(booking.SpaceId, Guid.Empty, quota, limit, ct) is { } reached) return reached;
            db.Add(booking);
            await db.SaveChangesAsync(ct);
            return Outcome.Written;
        }, ct);

    private async Task<Outcome> MoveSqliteAsync(Booking moved, DateTime now, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct) =>
        await InSqliteWriteAsync(async () =>
        {
            var current = await db.Set<Booking>().FirstOrDefaultAsync(b => b.Id == moved.Id, ct);
            if (current is null || !BookingStatus.IsLive(current.Status) || current.StartsAt <= now) return Outcome.NotMovable;
            if (await ClashesAsync(moved, ct)) return Outcome.Clash;
            if (await CountsReachedAsync(moved.SpaceId, moved.Id, quota, limit, ct) is { } reached) return reached;
            (current.StartsAt, current.EndsAt, current.HeldUntil, current.Status) = (moved.StartsAt, moved.EndsAt, moved.HeldUntil, moved.Status);
            (current.DecidedAt, current.DecidedBy, current.DecisionReason) = (moved.DecidedAt, moved.DecidedBy, null);
            (current.CheckedInAt, current.RemindedAt) = (null, null);
            await db.SaveChangesAsync(ct);
            return Outcome.Written;
        }, ct);

    /// <summary>Runs the write in a BEGIN IMMEDIATE transaction, committed when it returns <see cref="Outcome.Written"/>.</summary>
    private async Task<Outcome> InSqliteWriteAsync(Func<Task<Outcome>> write, CancellationToken ct)
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
            var outcome = await write();
            if (outcome == Outcome.Written) await transaction.CommitAsync(ct);
            return outcome;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether another live booking of the space holds part of the booking's held range.</summary>
    private Task<bool> ClashesAsync(Booking booking, CancellationToken ct) =>
        db.Set<Booking>().AnyAsync(b => b.SpaceId == booking.SpaceId && b.Id != booking.Id
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
            && b.StartsAt < booking.HeldUntil && booking.StartsAt < b.HeldUntil, ct);

    /// <summary>The first limit the write would break (not counting the booking <paramref name="except"/>; Guid.Empty for a new one), or null.</summary>
    private async Task<Outcome?> CountsReachedAsync(int spaceId, Guid except, EnterpriseQuota? quota, ActiveLimit? limit, CancellationToken ct)
    {
        // The space's own weekly quota first: the most particular rule is the one to name.
        if (quota is not null && await QuotaUsedAsync(spaceId, except, quota, ct) >= quota.Limit) return Outcome.QuotaReached;
        if (limit is { PerPerson: { } perPerson } && await ActiveAsync(limit, except, b => b.UserId == limit.UserId, ct) >= perPerson)
            return Outcome.PersonLimitReached;
        if (limit is { LimitsEnterprise: true, PerEnterprise: { } perEnterprise }
            && await ActiveAsync(limit, except, b => b.EnterpriseId == limit.EnterpriseId, ct) >= perEnterprise)
            return Outcome.EnterpriseLimitReached;
        return null;
    }

    private Task<int> ActiveAsync(ActiveLimit limit, Guid except, System.Linq.Expressions.Expression<Func<Booking, bool>> whose, CancellationToken ct)
    {
        var now = limit.Now;
        return db.Set<Booking>().Where(whose)
            .Where(b => (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.EndsAt > now && b.Id != except
                && db.Set<Space>().Any(s => s.Id == b.SpaceId && s.ParkId == limit.ParkId))
            .CountAsync(ct);
    }

    private Task<int> QuotaUsedAsync(int spaceId, Guid except, EnterpriseQuota quota, CancellationToken ct) =>
        db.Set<Booking>().CountAsync(b => b.SpaceId == spaceId && b.EnterpriseId == quota.EnterpriseId && b.Id != except
            && CountedStatuses.Contains(b.Status) && b.StartsAt >= quota.Week.From && b.StartsAt < quota.Week.To, ct);
}
