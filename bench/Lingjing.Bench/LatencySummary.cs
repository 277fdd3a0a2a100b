namespace Lingjing.Bench;

/// <summary>Percentiles of a set of latencies (nearest-rank).</summary>
public sealed record LatencySummary(int Requests, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double RequestsPerSecond)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds, TimeSpan wallClock)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
        return new LatencySummary(sorted.Length, Math.Round(sorted.DefaultIfEmpty().Average(), 2), Rank(0.50), Rank(0.95), Rank(0.99),
            Rank(1.0), Math.Round(sorted.Length / Math.Max(wallClock.TotalSeconds, 1e-9), 1));
    }
}
