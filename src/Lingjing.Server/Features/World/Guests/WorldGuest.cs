namespace Lingjing.Server.Features.World.Guests;

/// <summary>A person (by email) a park's operators invited into the park's world (table world_guests).</summary>
public sealed class WorldGuest
{
    public long Id { get; set; }
    public int ParkId { get; set; }
    public required string Email { get; set; }
    /// <summary>Upper-case invariant, as Identity normalizes emails: invitations match case-insensitively.</summary>
    public required string NormalizedEmail { get; set; }
    public Guid? InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
