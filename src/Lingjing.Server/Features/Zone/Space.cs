namespace Lingjing.Server.Features.Zone;

/// <summary>An offline public cultural space that people can visit and (later) book.</summary>
public sealed class Space
{
    public int Id { get; set; }
    public int ParkId { get; set; }
    public int? BuildingId { get; set; }
    /// <summary>The floor of its building the space is on (1 = ground floor); null outside a building or when unknown.</summary>
    public int? Floor { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Code from <see cref="SpaceTypes"/>.</summary>
    public required string SpaceType { get; set; }
    public int Capacity { get; set; }
    public double AreaSquareMeters { get; set; }
    /// <summary>Local opening time in the zone's time zone.</summary>
    public TimeOnly OpensAt { get; set; }
    public TimeOnly ClosesAt { get; set; }
    /// <summary>Bit 0 = Monday ... bit 6 = Sunday.</summary>
    public int OpenDays { get; set; }
    public List<string> Equipment { get; set; } = [];
    public string DescriptionZh { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>Position in the park's local frame, metres.</summary>
    public double X { get; set; }
    public double Y { get; set; }
    public string SearchText { get; set; } = "";
}
