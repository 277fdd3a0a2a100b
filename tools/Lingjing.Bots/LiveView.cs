using System.Globalization;
using Spectre.Console;

namespace Lingjing.Bots;

/// <summary>The live display of the measured phase: a table refreshed every second (a log line every 5 s when output is redirected).</summary>
public static class LiveView
{
    public static async Task RunAsync(RunMeasurement measurement, BotOptions options, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);
        if (options.Quiet || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            while (measurement.ElapsedSeconds < duration.TotalSeconds)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, duration.TotalSeconds - measurement.ElapsedSeconds + 0.05)), cancellationToken);
                if (!options.Quiet) Console.WriteLine(Line(measurement));
            }
            return;
        }
        var table = new Table().AddColumns("elapsed", "connected", "p50 ms", "p99 ms", "KB/s per client", "in view");
        await AnsiConsole.Live(table).StartAsync(async context =>
        {
            while (measurement.ElapsedSeconds < duration.TotalSeconds)
            {
                await Task.Delay(1000, cancellationToken);
                table.Rows.Clear();
                var s = Snapshot(measurement);
                table.AddRow(s.Elapsed, s.Connected, s.P50, s.P99, s.Kbps, s.InView);
                context.Refresh();
            }
        });
    }

    private static string Line(RunMeasurement m)
    {
        var s = Snapshot(m);
        return $"{s.Elapsed} s  connected {s.Connected}  p50 {s.P50} ms  p99 {s.P99} ms  {s.Kbps} KB/s per client  {s.InView} in view";
    }

    private static (string Elapsed, string Connected, string P50, string P99, string Kbps, string InView) Snapshot(RunMeasurement m) => (
        m.ElapsedSeconds.ToString("F0", CultureInfo.InvariantCulture),
        m.Connected.ToString(CultureInfo.InvariantCulture),
        m.Latency.Percentile(0.5)?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
        m.Latency.Percentile(0.99)?.ToString("F1", CultureInfo.InvariantCulture) ?? "-",
        (m.BytesPerClientPerSecond() / 1024).ToString("F2", CultureInfo.InvariantCulture),
        m.AvatarsInView().ToString("F1", CultureInfo.InvariantCulture));
}
