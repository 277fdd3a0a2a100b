namespace Lingjing.Server.Features.PolicyServices;

/// <summary>One step of an application's timeline.</summary>
public sealed class ApplicationEvent
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string Status { get; set; } = "";
    public DateTime At { get; set; }
    public Guid? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public string Note { get; set; } = "";
}
