using System.Globalization;

namespace Lingjing.Bots;

/// <summary>CPU time and memory of a process on this machine, read from /proc (Linux).</summary>
public sealed record ProcessSample(double CpuSeconds, long RssBytes, long PeakRssBytes, DateTime TakenAt)
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static ProcessSample? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may contain spaces) start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpuTicks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line) * 1024;
            }
            return new ProcessSample(cpuTicks / ClockTicksPerSecond, rss, peak, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Average CPU use between two samples, in percent of one core (200 % = both cores of a 2-core machine).</summary>
    public static double CpuPercent(ProcessSample start, ProcessSample end) =>
        Math.Round((end.CpuSeconds - start.CpuSeconds) / Math.Max(0.001, (end.TakenAt - start.TakenAt).TotalSeconds) * 100, 1);

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
