using System.Text.Json;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Oee;

/// <summary>OEE per shift for the production lines of a park, from the machines' raw readings
/// (state) and their counters (good and bad counts; the difference over the shift). The planned
/// time of a machine in a shift is the part of the shift it reported in.</summary>
public sealed class OeeCalculator(LingjingDbContext db, SeriesRegistry series, TelemetryQueries queries, TimeProvider time, IOptions<LingjingOptions> options)
{
    public const string LineModel = "dtmi:lingjing:ProductionLine;1";
    public const string MachineModel = "dtmi:lingjing:Machine;1";
    private const double Running = 1;

    public async Task<List<LineOee>> LinesAsync(int parkId, int shiftCount, CancellationToken ct)
    {
        var lines = await db.Set<Twin>().AsNoTracking().Where(t => t.ParkId == parkId && t.ModelId == LineModel).OrderBy(t => t.Id).ToListAsync(ct);
        var result = new List<LineOee>();
        foreach (var line in lines) result.Add(await LineAsync(line, shiftCount, ct));
        return result;
    }

    public async Task<LineOee> LineAsync(Twin line, int shiftCount, CancellationToken ct)
    {
        using var properties = JsonDocument.Parse(line.Properties);
        var root = properties.RootElement;
        var industry = root.TryGetProperty("industry", out var i) ? i.GetString() ?? "" : "";
        var (firstHour, count, hours) = (6, 3, 8);
        if (root.TryGetProperty("shifts", out var shifts))
        {
            firstHour = shifts.TryGetProperty("firstStartHour", out var f) ? f.GetInt32() : firstHour;
            count = shifts.TryGetProperty("count", out var c) ? c.GetInt32() : count;
            hours = shifts.TryGetProperty("hours", out var h) ? h.GetInt32() : hours;
        }
        var machines = await db.Set<Twin>().AsNoTracking().Where(t => t.ParentId == line.Id && t.ModelId == MachineModel).ToListAsync(ct);
        var rates = machines.ToDictionary(m => m.Id, m =>
        {
            using var p = JsonDocument.Parse(m.Properties);
            return p.RootElement.TryGetProperty("idealRatePerMinute", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 0;
        });
        var list = new List<ShiftOee>();
        foreach (var (start, end, label) in RecentShifts(firstHour, count, hours, shiftCount))
        {
            var now = time.GetUtcNow();
            var effectiveEnd = end < now ? end : now;
            double a = 0, p = 0, q = 0, oee = 0;
            long good = 0, bad = 0;
            var reporting = 0;
            foreach (var machine in machines)
            {
                var state = series.Find(machine.Id, "state");
                if (state is null) continue;
                var (share, readings, span) = await queries.ShareEqualAsync(state.Id, Running, start, effectiveEnd, ct);
                if (readings == 0) continue;
                // Planned time: the part of the shift the machine reported in (one reading interval added for the last reading).
                var planned = readings > 1 ? span.TotalMinutes * readings / (readings - 1) : (effectiveEnd - start).TotalMinutes;
                var g = await DeltaAsync(machine.Id, "goodCount", start, effectiveEnd, ct);
                var b = await DeltaAsync(machine.Id, "badCount", start, effectiveEnd, ct);
                var runMinutes = share * planned;
                var performance = runMinutes > 0 && rates[machine.Id] > 0 ? Math.Min(1, (g + b) / (runMinutes * rates[machine.Id])) : 0;
                var quality = g + b > 0 ? (double)g / (g + b) : 0;
                a += share; p += performance; q += quality; oee += share * performance * quality;
                good += g; bad += b;
                reporting++;
            }
            if (reporting > 0) list.Add(new ShiftOee(start, end, label, a / reporting, p / reporting, q / reporting, oee / reporting, good, bad, reporting));
        }
        return new LineOee(line.Id, line.NameEn, line.NameZh, industry, list);
    }

    /// <summary>The current shift and the ones before it, newest first, in the zone's time zone.</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End, string Label)> RecentShifts(int firstStartHour, int count, int hours, int shiftCount)
    {
        var zone = options.Value.ZoneTimeZone;
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var dayStart = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified).AddHours(firstStartHour);
        if (local.DateTime < dayStart) dayStart = dayStart.AddDays(-1);
        var index = (int)((local.DateTime - dayStart).TotalHours / hours);
        var start = dayStart.AddHours(index * hours);
        for (var n = 0; n < shiftCount; n++)
        {
            var shiftNumber = ((int)((start - start.Date.AddHours(firstStartHour)).TotalHours / hours) % count + count) % count + 1;
            var startUtc = new DateTimeOffset(start, zone.GetUtcOffset(start));
            yield return (startUtc, startUtc.AddHours(hours), $"{start:MM-dd} #{shiftNumber} {start:HH:mm}");
            start = start.AddHours(-hours);
        }
    }

    private async Task<long> DeltaAsync(string twinId, string name, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var s = series.Find(twinId, name);
        if (s is null) return 0;
        var points = await queries.HistoryAsync(s.Id, from, to, "minute", ct);
        if (points.Count == 0) return 0;
        return (long)Math.Max(0, points.Max(x => x.Max) - points.Min(x => x.Min));
    }
}
