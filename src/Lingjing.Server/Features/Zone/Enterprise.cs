namespace Lingjing.Server.Features.Zone;

public sealed class Enterprise
{
    public int Id { get; set; }
    public int ParkId { get; set; }
    public int? BuildingId { get; set; }
    /// <summary>Unified social credit code (统一社会信用代码), 18 characters.</summary>
    public required string CreditCode { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Code from <see cref="EnterpriseCategories"/>.</summary>
    public required string Category { get; set; }
    public DateOnly FoundedOn { get; set; }
    public int Employees { get; set; }
    /// <summary>规模以上: above the statutory revenue threshold for statistics.</summary>
    public bool AboveDesignatedSize { get; set; }
    public List<string> Tags { get; set; } = [];
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string Website { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    /// <summary>Revenue of the most recent reported year, copied from <see cref="EnterpriseRevenue"/> for sorting.</summary>
    public long LatestRevenueYuan { get; set; }
    public string SearchText { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the registry facts (category, park, founding, size, revenue, employees, tags) were
    /// imported: their date until a change to one of them is verified. Null for rows made before it was kept.</summary>
    public DateTime? RegisteredAt { get; set; }

    public Park? Park { get; set; }
    public List<EnterpriseRevenue> Revenues { get; set; } = [];
}
