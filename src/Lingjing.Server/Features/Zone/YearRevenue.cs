namespace Lingjing.Server.Features.Zone;

/// <summary>Total revenue of the zone in one year and its growth over the year before (null for the first year).</summary>
public sealed record YearRevenue(int Year, long RevenueYuan, double? Growth);
