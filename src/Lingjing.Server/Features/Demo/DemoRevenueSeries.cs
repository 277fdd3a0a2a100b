using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Demo;

/// <summary>Turns per-enterprise revenue paths into rows whose zone totals grow by exactly the target
/// average: each later year is scaled as a whole, which keeps every enterprise's own ups and downs.</summary>
internal static class DemoRevenueSeries
{
    /// <summary>The two year-on-year growth rates; their mean is the target (a little spread looks real).</summary>
    public static (double First, double Second) Growths(double average) => (average - 0.005, average + 0.005);

    /// <param name="raw">raw[year][enterprise], three years oldest first.</param>
    public static long[][] Scale(double[][] raw, double average)
    {
        var (first, second) = Growths(average);
        var totals = raw.Select(year => year.Sum()).ToArray();
        double[] targets = [totals[0], totals[0] * (1 + first), totals[0] * (1 + first) * (1 + second)];
        var scaled = new long[raw.Length][];
        for (var y = 0; y < raw.Length; y++)
        {
            var factor = targets[y] / totals[y];
            scaled[y] = raw[y].Select(r => Math.Max(1, (long)Math.Round(r * factor))).ToArray();
        }

        var years = scaled.Select((rows, y) => new YearRevenue(y, rows.Sum(), null)).ToList();
        var check = ZoneStatistics.AverageGrowth(years.Select((t, i) => t with { Growth = i == 0 ? null : (double)t.RevenueYuan / years[i - 1].RevenueYuan - 1 }).ToList());
        if (Math.Abs(check - average) > 1e-9)
            throw new InvalidOperationException($"Demo revenue grows {check:P2} a year on average instead of {average:P1}.");
        return scaled;
    }
}
