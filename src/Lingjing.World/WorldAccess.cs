namespace Lingjing.World;

/// <summary>How a user stands with one world; the server decides it, the engine enforces it at Hello.</summary>
public enum WorldAccess
{
    /// <summary>Belongs to the world (a park's operators, its enterprises' people, the government; everyone in the zone world).</summary>
    Member,

    /// <summary>Not a member, but invited by the world's operators: admitted even where guests are not.</summary>
    InvitedGuest,

    /// <summary>Not a member: admitted only by worlds that allow guests.</summary>
    Guest,
}
