namespace Lingjing.TwinsBench;

public sealed record Percentiles(int Count, double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
        return new Percentiles(sorted.Length, At(0.5), At(0.9), At(0.99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 2));
    }
}
