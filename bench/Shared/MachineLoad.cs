using System.Globalization;

namespace Lingjing.Bench.Shared;

/// <summary>Whole-machine CPU use from /proc/stat (all processes: client, server, database).</summary>
public static class MachineLoad
{
    public static (long Busy, long Total) Sample()
    {
        if (!File.Exists("/proc/stat")) return (0, 0);
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }

    public static double BusyPercent((long Busy, long Total) before, (long Busy, long Total) after) =>
        after.Total == before.Total ? 0 : Math.Round(100.0 * (after.Busy - before.Busy) / (after.Total - before.Total), 1);

    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : -1;
}
