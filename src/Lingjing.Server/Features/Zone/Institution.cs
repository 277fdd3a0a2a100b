namespace Lingjing.Server.Features.Zone;

/// <summary>A professional cultural service institution (legal, IP, finance, HR, ...).</summary>
public sealed class Institution
{
    public int Id { get; set; }
    /// <summary>The park the institution is based in, if any.</summary>
    public int? ParkId { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Code from <see cref="InstitutionServiceTypes"/>.</summary>
    public required string ServiceType { get; set; }
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string AddressZh { get; set; } = "";
    public string AddressEn { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public string SearchText { get; set; } = "";
}
