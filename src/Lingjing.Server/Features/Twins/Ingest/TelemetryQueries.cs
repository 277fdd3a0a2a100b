using System.Data.Common;
using System.Globalization;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Reads telemetry for dashboards: latest values from memory, history from the rollups.</summary>
public sealed class TelemetryQueries(LingjingDbContext db, SeriesRegistry series, LatestValues latest)
{
    public const int MaxLiveTwins = 5000;

    public async Task<List<TwinLiveView>> LiveAsync(TwinAccess access, string? under, string? model, CancellationToken ct)
    {
        var twins = db.Set<Twin>().AsNoTracking();
        if (!access.All) twins = twins.Where(t => t.ParkId == access.ParkId);
        if (model is not null) twins = twins.Where(t => t.ModelId == model);
        if (under is not null)
        {
            var path = await db.Set<Twin>().Where(t => t.Id == under).Select(t => t.Path).FirstOrDefaultAsync(ct);
            if (path is null) return [];
            twins = twins.Where(t => t.Path.StartsWith(path));
        }
        var list = await twins.OrderBy(t => t.Id).Take(MaxLiveTwins).ToListAsync(ct);
        return list.Select(Live).Where(v => v.Values.Count > 0 || v.LastSeen is not null || model is not null).ToList();
    }

    public TwinLiveView Live(Twin twin)
    {
        var values = new List<LatestValueView>();
        foreach (var s in series.OfTwin(twin.Id))
            if (latest.Of(s.Id) is { } v)
                values.Add(new LatestValueView(s.Name, DateTimeOffset.FromUnixTimeMilliseconds(v.Timestamp), v.Value, null));
        var seen = latest.LastSeen(twin.Id);
        return new TwinLiveView(twin.Id, twin.ModelId, twin.NameEn, twin.NameZh, twin.ParentId,
            seen is { } s2 ? DateTimeOffset.FromUnixTimeMilliseconds(s2) : values.Count > 0 ? values.Max(v => v.At) : null, values);
    }

    /// <summary>Rollup buckets of one series in [from, to); "minute" or "hour".</summary>
    public async Task<List<HistoryPoint>> HistoryAsync(int seriesId, DateTimeOffset from, DateTimeOffset to, string resolution, CancellationToken ct)
    {
        var table = resolution == "minute" ? "telemetry_minute" : "telemetry_hour";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT bucket, sum, min, max, count FROM {table} WHERE series_id = @s AND bucket >= @from AND bucket < @to ORDER BY bucket";
            Add(command, "s", seriesId);
            Add(command, "from", from.ToUnixTimeMilliseconds());
            Add(command, "to", to.ToUnixTimeMilliseconds());
            var points = new List<HistoryPoint>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var count = reader.GetInt64(4);
                points.Add(new HistoryPoint(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetDouble(1) / count, reader.GetDouble(2), reader.GetDouble(3), count));
            }
            return points;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The share of raw readings of a series in [from, to) equal to a value (a machine "running"),
    /// how many there were, and the span from the first to the last of them.</summary>
    public async Task<(double Share, long Count, TimeSpan Span)> ShareEqualAsync(int seriesId, double value, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*), sum(CASE WHEN value = @v THEN 1 ELSE 0 END), min(ts), max(ts) FROM telemetry_raw WHERE series_id = @s AND ts >= @from AND ts < @to";
            Add(command, "v", value);
            Add(command, "s", seriesId);
            Add(command, "from", from.ToUnixTimeMilliseconds());
            Add(command, "to", to.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var count = reader.GetInt64(0);
            return count == 0 ? (0, 0, TimeSpan.Zero)
                : (Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture) / count, count,
                    TimeSpan.FromMilliseconds(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) - Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
