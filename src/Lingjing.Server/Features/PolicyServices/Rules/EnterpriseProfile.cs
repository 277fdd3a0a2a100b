namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>What a rule can see of one enterprise. <see cref="Revenues"/> are yearly revenue rows,
/// oldest first.</summary>
public sealed record EnterpriseProfile(
    int Id,
    int ParkId,
    string Category,
    int Employees,
    int FoundedYear,
    bool AboveDesignatedSize,
    IReadOnlyList<string> Tags,
    IReadOnlyList<(int Year, long RevenueYuan)> Revenues)
{
    public long LatestRevenue => Revenues.Count == 0 ? 0 : Revenues[^1].RevenueYuan;

    /// <summary>Growth of revenue over the last <paramref name="years"/> years: latest reported year
    /// against the year <paramref name="years"/> before it; NaN when either year is not reported or the
    /// earlier revenue is zero.</summary>
    public double RevenueGrowth(int years)
    {
        if (Revenues.Count == 0) return double.NaN;
        var (latestYear, latest) = Revenues[^1];
        foreach (var (year, revenue) in Revenues)
            if (year == latestYear - years)
                return revenue > 0 ? (double)latest / revenue - 1 : double.NaN;
        return double.NaN;
    }
}
