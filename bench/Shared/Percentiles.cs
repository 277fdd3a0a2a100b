namespace Lingjing.Bench.Shared;

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
public sealed record Percentiles(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>The 95th percentile, for goals stated as a p95.</summary>
    public double P95Ms { get; init; }

    public static Percentiles Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new Percentiles(sorted.Length, Rank(0.50), Rank(0.90), Rank(0.99), Rank(1.0)) { P95Ms = Rank(0.95) };
    }
}
