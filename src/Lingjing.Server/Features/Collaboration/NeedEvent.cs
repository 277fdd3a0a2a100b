namespace Lingjing.Server.Features.Collaboration;

/// <summary>One step in a need's history: published, edited, or moved to another status, by whom and why.</summary>
public sealed class NeedEvent
{
    public Guid Id { get; set; }
    public int NeedId { get; set; }
    /// <summary>published, edited, or the status moved to.</summary>
    public required string Kind { get; set; }
    public string Note { get; set; } = "";
    public Guid? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public DateTime At { get; set; }
}
