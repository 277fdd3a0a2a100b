namespace Lingjing.Server.Features.Twins.Devices;

/// <summary>A twin that sends telemetry with its own token. The id is the twin's id; only the
/// SHA-256 of the token is stored.</summary>
public sealed class Device
{
    public required string Id { get; set; }
    public int ParkId { get; set; }
    public required string ModelId { get; set; }
    public required string TokenHash { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime TokenIssuedAt { get; set; }
}
