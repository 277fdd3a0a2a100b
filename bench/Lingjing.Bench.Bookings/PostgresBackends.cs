using System.Globalization;

namespace Lingjing.Bench.Bookings;

/// <summary>CPU time of the PostgreSQL backends serving one database, read from /proc: backends name
/// their database in their command line ("postgres: user database address state").</summary>
public static class PostgresBackends
{
    public static double CpuSeconds(string? database)
    {
        if (string.IsNullOrEmpty(database) || !Directory.Exists("/proc")) return 0;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (!cmdline.StartsWith("postgres: ", StringComparison.Ordinal) || !cmdline.Contains($" {database} ", StringComparison.Ordinal)) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ticks / 100.0; // USER_HZ
    }
}
