namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>A digital twin: an instance of a model with property values, placed in the containment
/// tree by <see cref="ParentId"/>; <see cref="Path"/> lists its ancestors and itself ("/a/b/c/").</summary>
public sealed class Twin
{
    public required string Id { get; set; }
    public required string ModelId { get; set; }
    public int? ParkId { get; set; }
    public string? ParentId { get; set; }
    public required string Path { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    /// <summary>Property values as a JSON object, checked against the model.</summary>
    public string Properties { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
}
