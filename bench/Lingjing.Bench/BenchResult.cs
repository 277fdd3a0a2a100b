namespace Lingjing.Bench;

/// <summary>What bench/results/directory-&lt;db&gt;.json holds.</summary>
public sealed record BenchResult(
    string Database,
    DateTime MeasuredAtUtc,
    int Cores,
    int Enterprises,
    int Concurrency,
    double FirstRunSeedingSeconds,
    IReadOnlyList<double> WarmStartSeconds,
    LatencySummary Search,
    LatencySummary Baseline,
    double SearchToBaselineP95Ratio,
    int Failures,
    IReadOnlyDictionary<string, LatencySummary> SearchByKind,
    string Command,
    /// <summary>1-minute load average of the machine before and after the search phase (others may share it).</summary>
    IReadOnlyList<double> LoadAverage);
