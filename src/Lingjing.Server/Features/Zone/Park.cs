namespace Lingjing.Server.Features.Zone;

/// <summary>A cultural-industry park of the zone. Geometry is in metres in the park's local frame
/// (x east, y north) around its centre at <see cref="Latitude"/>/<see cref="Longitude"/>.</summary>
public sealed class Park
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string AddressZh { get; set; }
    public required string AddressEn { get; set; }
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public double AreaSquareMeters { get; set; }
    public int OpenedYear { get; set; }
    /// <summary>Boundary polygon as JSON <c>[[x,y],...]</c> in local metres.</summary>
    public required string Boundary { get; set; }
    public bool AllowsGuests { get; set; }
    /// <summary>Lower-cased names, description and tags: what the directory searches.</summary>
    public string SearchText { get; set; } = "";

    public List<Building> Buildings { get; set; } = [];
}
