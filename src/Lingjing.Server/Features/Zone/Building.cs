namespace Lingjing.Server.Features.Zone;

public sealed class Building
{
    public int Id { get; set; }
    public int ParkId { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Footprint polygon as JSON <c>[[x,y],...]</c> in the park's local metres.</summary>
    public required string Footprint { get; set; }
    public double HeightMeters { get; set; }
    public int Floors { get; set; }
}
