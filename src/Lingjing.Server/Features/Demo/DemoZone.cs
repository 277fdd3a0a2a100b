using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Demo;

/// <summary>The generated demo zone, rows ready to be written (ids assigned, search text set).</summary>
public sealed record DemoZone(
    int Seed,
    IReadOnlyList<int> RevenueYears,
    IReadOnlyList<Park> Parks,
    IReadOnlyList<Building> Buildings,
    IReadOnlyList<Enterprise> Enterprises,
    IReadOnlyList<EnterpriseRevenue> Revenues,
    IReadOnlyList<Institution> Institutions,
    IReadOnlyList<Space> Spaces);
