namespace Lingjing.Server.Features.Twins.Models;

/// <summary>A model uploaded by an operator, kept as the DTDL JSON it was uploaded as.</summary>
public sealed class TwinModelRecord
{
    public required string Id { get; set; }
    public required string Json { get; set; }
    public int? ParkId { get; set; }
    public Guid? UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
