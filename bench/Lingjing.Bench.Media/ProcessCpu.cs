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

/// <summary>Janus's, the server's and the whole machine's CPU over one measured span, started by <see cref="Start"/>.</summary>
public sealed class CpuSpan
{
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly int? janusPid;
    private readonly int serverPid;
    private readonly long janusBefore;
    private readonly long serverBefore;
    private readonly (long Busy, long Total) machineBefore;

    private CpuSpan(int? janusPid, int serverPid)
    {
        (this.janusPid, this.serverPid) = (janusPid, serverPid);
        janusBefore = ProcessCpu.Ticks(janusPid);
        serverBefore = ProcessCpu.Ticks(serverPid);
        machineBefore = Lingjing.Bench.Shared.MachineLoad.Sample();
    }

    public static CpuSpan Start(int? janusPid, int serverPid) => new(janusPid, serverPid);

    /// <summary>Seconds since the start, and each CPU figure over them (percent of one core; the machine: percent busy).</summary>
    public (double Seconds, double Janus, double Server, double Machine) Stop()
    {
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, ProcessCpu.Percent(janusBefore, ProcessCpu.Ticks(janusPid), seconds), ProcessCpu.Percent(serverBefore, ProcessCpu.Ticks(serverPid), seconds),
            Lingjing.Bench.Shared.MachineLoad.BusyPercent(machineBefore, Lingjing.Bench.Shared.MachineLoad.Sample()));
    }
}
