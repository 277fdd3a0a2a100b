using System.Globalization;
using Spectre.Console;

namespace Lingjing.Bots;

/// <summary>Prints a run's result as a table.</summary>
public static class Summary
{
    public static void Print(BotRunResult r)
    {
        var table = new Table().Title($"Lingjing.Bots: {r.Bots} bots in {Markup.Escape(r.World)}").AddColumns("measure", "value");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        static string Ms(double? v) => v is { } x ? x.ToString("F1", CultureInfo.InvariantCulture) + " ms" : "-";
        Row("joined / connected at end", $"{r.Connected} / {r.ConnectedAtEnd}");
        Row("interest management", r.InterestManagement ? "on" : "off (naive broadcast)");
        Row("inputs aligned to the server tick", r.InputsAlignedToTick ? "yes" : "no");
        Row("measured", $"{r.MeasuredSeconds} s");
        Row("update latency p50 / p90 / p99 / max", $"{Ms(r.LatencyP50Ms)} / {Ms(r.LatencyP90Ms)} / {Ms(r.LatencyP99Ms)} / {Ms(r.LatencyMaxMs)}");
        Row("update latency within 20 m p50 / p99", $"{Ms(r.NearLatencyP50Ms)} / {Ms(r.NearLatencyP99Ms)}");
        if (r.Nodes > 1)
            Row($"across nodes ({r.Nodes}) p50 / p99; same node", $"{Ms(r.CrossNodeLatencyP50Ms)} / {Ms(r.CrossNodeLatencyP99Ms)}; {Ms(r.SameNodeLatencyP50Ms)} / {Ms(r.SameNodeLatencyP99Ms)}");
        Row("latency samples", r.LatencySamples.ToString("N0", CultureInfo.InvariantCulture));
        Row("delivery (tick to bot) p50 / p99", $"{Ms(r.DeliveryP50Ms)} / {Ms(r.DeliveryP99Ms)}");
        Row("bytes per client per second", r.BytesPerClientPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        Row("snapshots per client per second", r.SnapshotsPerClientPerSecond.ToString(CultureInfo.InvariantCulture));
        Row("tick gaps per client per second", r.TickGapsPerClientPerSecond.ToString(CultureInfo.InvariantCulture));
        Row("inputs per client per second", r.InputsPerClientPerSecond.ToString(CultureInfo.InvariantCulture));
        Row("avatars in view (observers)", r.AvgAvatarsInView.ToString(CultureInfo.InvariantCulture));
        if (r.ServerStart is { } s0 && r.ServerEnd is { } s1)
        {
            var ticks = Math.Max(1, s1.Ticks - s0.Ticks);
            Row("server tick mean / max", $"{(s1.TotalTickMicroseconds - s0.TotalTickMicroseconds) / ticks / 1000.0:F1} ms / {s1.MaxTickMicroseconds / 1000.0:F1} ms");
            Row("server snapshots dropped (stale)", (s1.FramesDropped - s0.FramesDropped).ToString("N0", CultureInfo.InvariantCulture));
        }
        if (r.ServerCpuPercent is { } cpu)
            Row("server CPU / RSS (peak)", $"{cpu} % of a core / {r.ServerRssBytes / 1048576} MB ({r.ServerPeakRssBytes / 1048576} MB)");
        Row("load tool CPU", $"{r.BotsCpuPercent} % of a core");
        Row("closed by server (code: bots)", r.ClosedByCode.Count == 0 ? "none" : string.Join(", ", r.ClosedByCode.Select(c => $"{c.Key}: {c.Value}")));
        if (r.Hall is { } h)
        {
            Row("hall: instances / observers seeing the stage move", $"{h.Instances} / {h.ByInstance.Sum(i => i.ObserversSeeingStage)} of {h.ByInstance.Sum(i => i.Observers)} (every instance: {(h.ByInstance.All(i => i.ObserversSeeingStage > 0) ? "yes" : "no")})");
            Row("stage move-to-seen, other instances p50 / p99", $"{Ms(h.OtherInstanceLatencyP50Ms)} / {Ms(h.OtherInstanceLatencyP99Ms)} ({h.OtherInstanceLatencySamples:N0} samples)");
            Row("stage move-to-seen, speaker's instance p50 / p99", $"{Ms(h.SameInstanceLatencyP50Ms)} / {Ms(h.SameInstanceLatencyP99Ms)}");
            Row("floor: listeners at end / questions asked", $"{h.FloorListeningAtEnd} of {h.FloorListeners} / {h.QuestionsAsked}");
            Row("floor update (question asked to listed) p50 / p99 / max", $"{Ms(h.FloorLatencyP50Ms)} / {Ms(h.FloorLatencyP99Ms)} / {Ms(h.FloorLatencyMaxMs)} ({h.FloorSamples:N0} samples)");
        }
        Row("bots with errors", r.BotsWithErrors == 0 ? "0" : $"{r.BotsWithErrors} (first: {r.FirstError})");
        AnsiConsole.Write(table);
    }
}
