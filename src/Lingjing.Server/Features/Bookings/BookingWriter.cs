using Lingjing.Server.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Inserts bookings so that two live bookings of one space never overlap in their held
/// ranges. On PostgreSQL the exclusion constraint of the bookings table refuses the second one
/// (SQLSTATE 23P01); on SQLite the clash check and the insert run in one write transaction begun
/// with BEGIN IMMEDIATE, so no other writer can slip in between them. A weekly quota is checked in
/// the same transaction (on PostgreSQL under an advisory lock per space and enterprise).</summary>
public sealed class BookingWriter(LingjingDbContext db, DatabaseSettings database, SqliteWriteGate gate)
{
    public enum Outcome { Inserted, Clash, QuotaReached }

    /// <summary>Statuses that use up quota: everything but cancelled and rejected.</summary>
    private static readonly string[] CountedStatuses = [BookingStatus.Pending, BookingStatus.Confirmed, BookingStatus.NoShow];

    public Task<Outcome> InsertAsync(Booking booking, EnterpriseQuota? quota, CancellationToken ct) =>
        database.IsPostgres ? InsertPostgresAsync(booking, quota, ct) : InsertSqliteAsync(booking, quota, ct);

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
    private async Task<Outcome> InsertPostgresAsync(Booking booking, EnterpriseQuota? quota, CancellationToken ct)
    {
        const int attempts = 10;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (quota is null) return await InsertRowAsync(booking, ct) ? Outcome.Inserted : Outcome.Clash;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({booking.SpaceId}, {quota.EnterpriseId})", ct);
                if (await QuotaUsedAsync(booking.SpaceId, quota, ct) >= quota.Limit) return Outcome.QuotaReached;
                if (!await InsertRowAsync(booking, ct)) return Outcome.Clash;
                await transaction.CommitAsync(ct);
                return Outcome.Inserted;
            }
            catch (PostgresException e) when (attempt < attempts && e.SqlState == PostgresErrorCodes.DeadlockDetected)
            {
            }
        }
    }

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

    private async Task<Outcome> InsertSqliteAsync(Booking booking, EnterpriseQuota? quota, CancellationToken ct)
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
                && b.StartsAt < booking.HeldUntil && booking.StartsAt < b.HeldUntil, ct);
            if (clash) return Outcome.Clash;
            if (quota is not null && await QuotaUsedAsync(booking.SpaceId, quota, ct) >= quota.Limit) return Outcome.QuotaReached;
            db.Add(booking);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome.Inserted;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private Task<int> QuotaUsedAsync(int spaceId, EnterpriseQuota quota, CancellationToken ct) =>
        db.Set<Booking>().CountAsync(b => b.SpaceId == spaceId && b.EnterpriseId == quota.EnterpriseId
            && CountedStatuses.Contains(b.Status) && b.StartsAt >= quota.Week.From && b.StartsAt < quota.Week.To, ct);
}
