namespace Lingjing.Bench.SignIn;

public sealed record SignInResult(DateTime MeasuredAt, int Cores, int SamplesPerKind, IReadOnlyList<KindSummary> Kinds,
    double MedianSpreadPercent, bool OneBodyForAllFailures);

public sealed record KindSummary(string Kind, double MedianMs, double P95Ms, double MeanMs)
{
    public static KindSummary Of(string kind, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
        return new KindSummary(kind, Math.Round(At(0.5), 2), Math.Round(At(0.95), 2), Math.Round(sorted.Average(), 2));
    }
}
