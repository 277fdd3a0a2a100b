namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>A named edge from one twin to another ("contains", "hasSensor").</summary>
public sealed class TwinRelationship
{
    public required string SourceId { get; set; }
    public required string Name { get; set; }
    public required string TargetId { get; set; }
}
