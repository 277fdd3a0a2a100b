using System.Data.Common;
using System.Globalization;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Background upkeep of the telemetry tables: folds new raw readings into minute and hour
/// rollups (following each writer's sequence, so late readings land in their own buckets), writes
/// the latest values to telemetry_series, and deletes raw readings past their retention (default
/// 7 days) and rollups past theirs (2 years). Run by <see cref="TelemetryRollupJob"/>,
/// <see cref="TelemetryLatestFlushJob"/> and <see cref="TelemetryRetentionJob"/>.</summary>
public sealed class TelemetryMaintenance(
    DatabaseSettings database,
    LatestValues latest,
    TimeProvider time,
    IOptions<TelemetryOptions> options,
    ILogger<TelemetryMaintenance> logger) : IDisposable
{
    public const long MinuteMs = 60_000;
    public const long HourMs = 3_600_000;
    // Small folds: on SQLite a fold holds the write lock, and the ingest writer waits behind it.
    private const long MaxRowsPerFold = 100_000;
    private static readonly TimeSpan SqlitePause = TimeSpan.FromMilliseconds(100);
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Folds committed raw readings not yet in the rollups into them. Returns how many were folded.</summary>
    public async Task<long> RollUpAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await connection.OpenAsync(ct);
            long folded = 0;
            // Each writer's committed mark is written in the same transaction as its rows: everything up to it is there.
            foreach (var (range, target) in await WritersAsync(connection, ct))
            {
                while (true)
                {
                    var from = await MarkAsync(connection, null, range.RollupKey, range.Base, ct);
                    if (from >= target) break;
                    var to = Math.Min(target, from + MaxRowsPerFold);
                    await using var transaction = await connection.BeginTransactionAsync(ct);
                    await ExecuteAsync(connection, transaction, Fold("telemetry_minute", MinuteMs), ct, ("from", from), ("to", to));
                    await ExecuteAsync(connection, transaction, Fold("telemetry_hour", HourMs), ct, ("from", from), ("to", to));
                    await ExecuteAsync(connection, transaction,
                        "INSERT INTO telemetry_marks (key, value) VALUES (@k, @to) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ct,
                        ("k", range.RollupKey), ("to", to));
                    await transaction.CommitAsync(ct);
                    folded += to - from;
                    // SQLite has one write lock: leave the ingest writer room between folds, or it starves behind them.
                    if (!database.IsPostgres && to < target) await Task.Delay(SqlitePause, ct);
                }
            }
            return folded;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes changed latest values to telemetry_series, for the next start.</summary>
    public async Task FlushLatestAsync(CancellationToken ct)
    {
        var changed = latest.TakeChanged();
        if (changed.Count == 0) return;
        await using var connection = Open();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE telemetry_series SET last_ts = @t, last_value = @v WHERE id = @id";
        var t = Parameter(command, "t", 0L);
        var v = Parameter(command, "v", 0.0);
        var id = Parameter(command, "id", 0);
        foreach (var (seriesId, value) in changed)
        {
            t.Value = value.Timestamp;
            v.Value = value.Value;
            id.Value = seriesId;
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Deletes raw readings older than the raw retention (only ones already rolled up) and
    /// rollups older than theirs. Returns the raw rows deleted.</summary>
    public Task<long> ApplyRetentionAsync(CancellationToken ct) => ApplyRetentionAsync(time.GetUtcNow(), ct);

    /// <summary>Retention as of <paramref name="now"/>.</summary>
    public async Task<long> ApplyRetentionAsync(DateTimeOffset now, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var rawCut = (now - TimeSpan.FromDays(options.Value.RawRetentionDays)).ToUnixTimeMilliseconds();
            var rollupCut = (now - TimeSpan.FromDays(options.Value.RollupRetentionDays)).ToUnixTimeMilliseconds();
            await using var connection = Open();
            await connection.OpenAsync(ct);
            var writers = await WritersAsync(connection, ct);
            var seriesIds = new List<int>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT id FROM telemetry_series ORDER BY id";
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) seriesIds.Add(reader.GetInt32(0));
            }
            long deleted = 0;
            // Series by series, so each delete walks the (series_id, ts) index instead of the whole table; writer by
            // writer, each up to what its rows have been rolled up to.
            foreach (var (range, _) in writers)
            {
                var mark = await MarkAsync(connection, null, range.RollupKey, range.Base, ct);
                if (mark == range.Base) continue;
                await using var delete = connection.CreateCommand();
                delete.CommandText = "DELETE FROM telemetry_raw WHERE series_id = @s AND ts < @cut AND seq > @base AND seq <= @mark";
                var s = Parameter(delete, "s", 0);
                Parameter(delete, "cut", rawCut);
                Parameter(delete, "base", range.Base);
                Parameter(delete, "mark", mark);
                foreach (var id in seriesIds)
                {
                    s.Value = id;
                    deleted += await delete.ExecuteNonQueryAsync(ct);
                }
            }
            await ExecuteAsync(connection, null, "DELETE FROM telemetry_minute WHERE bucket < @cut", ct, ("cut", rollupCut));
            await ExecuteAsync(connection, null, "DELETE FROM telemetry_hour WHERE bucket < @cut", ct, ("cut", rollupCut));
            if (deleted > 0) logger.LogInformation("Deleted {Rows} raw readings older than {Days} days", deleted, options.Value.RawRetentionDays);
            return deleted;
        }
        finally
        {
            gate.Release();
        }
    }

    private string Fold(string table, long width)
    {
        // SQLite has no LEAST/GREATEST; its two-argument min/max are the same thing.
        var (least, greatest) = database.IsPostgres ? ("LEAST", "GREATEST") : ("min", "max");
        return $"""
            INSERT INTO {table} (series_id, bucket, count, sum, min, max)
            SELECT series_id, ts - ts % {width}, count(*), sum(value), min(value), max(value)
            FROM telemetry_raw WHERE seq > @from AND seq <= @to GROUP BY series_id, ts - ts % {width}
            ON CONFLICT (series_id, bucket) DO UPDATE SET
                count = {table}.count + excluded.count, sum = {table}.sum + excluded.sum,
                min = {least}({table}.min, excluded.min), max = {greatest}({table}.max, excluded.max)
            """;
    }

    private static async Task<long> MarkAsync(DbConnection connection, DbTransaction? transaction, string key, long missing, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM telemetry_marks WHERE key = @k";
        Parameter(command, "k", key);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : missing;
    }

    /// <summary>Every writer that ever committed (one per node start in a cluster) and its last committed number.</summary>
    private static async Task<List<(TelemetrySequenceRange Range, long Committed)>> WritersAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT key, value FROM telemetry_marks WHERE {TelemetrySequenceRange.RawKeys}";
        var writers = new List<(TelemetrySequenceRange, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            writers.Add((TelemetrySequenceRange.OfRawKey(reader.GetString(0)), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        return writers;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Parameter(command, name, value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }

    private DbConnection Open() => DatabaseConnections.Create(database);

    public void Dispose() => gate.Dispose();
}
