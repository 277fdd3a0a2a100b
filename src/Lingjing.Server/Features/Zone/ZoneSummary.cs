namespace Lingjing.Server.Features.Zone;

/// <summary>The zone's headline figures. <see cref="AverageRevenueGrowth3y"/> is a fraction (0.113 = 11.3 %).</summary>
public sealed record ZoneSummary(
    int Parks,
    int Enterprises,
    int EnterprisesAboveDesignatedSize,
    int Institutions,
    int Spaces,
    double AverageRevenueGrowth3y,
    bool DemoData);
