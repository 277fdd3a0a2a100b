using System.Globalization;

namespace Lingjing.Bench.Media;

/// <summary>CPU time a process has used, from /proc/&lt;pid&gt;/stat (user + system, in clock ticks of 1/100 s).</summary>
public static class ProcessCpu
{
    public static long Ticks(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat")) return 0;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>Percent of one core between two readings (200 % = both cores of this machine).</summary>
    public static double Percent(long ticksBefore, long ticksAfter, double seconds) => Math.Round((ticksAfter - ticksBefore) / seconds, 1); // 100 ticks a second = 100 %
}
