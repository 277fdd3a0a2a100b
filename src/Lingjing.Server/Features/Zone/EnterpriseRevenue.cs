namespace Lingjing.Server.Features.Zone;

/// <summary>Reported revenue of one enterprise in one calendar year, in yuan.</summary>
public sealed class EnterpriseRevenue
{
    public int EnterpriseId { get; set; }
    public int Year { get; set; }
    public long RevenueYuan { get; set; }
}
