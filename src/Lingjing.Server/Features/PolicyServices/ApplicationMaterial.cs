namespace Lingjing.Server.Features.PolicyServices;

/// <summary>A file attached to an application, stored under the data directory as
/// <c>uploads/policies/{ApplicationId}/{Id}</c>.</summary>
public sealed class ApplicationMaterial
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    /// <summary>Which of a matter's required materials it is (<see cref="Matters.MatterRequirement.Key"/>); null for a policy's.</summary>
    public string? Requirement { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public DateTime UploadedAt { get; set; }
}
