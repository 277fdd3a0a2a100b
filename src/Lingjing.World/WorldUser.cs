using Lingjing.World.Protocol;

namespace Lingjing.World;

/// <summary>The signed-in person behind a connection, as authenticated by the server.</summary>
/// <param name="IsGuest">A guest in every world (when <see cref="AccessTo"/> does not decide per world).</param>
public sealed record WorldUser(string UserId, string DisplayName, AvatarLook Look, bool IsGuest = false)
{
    /// <summary>Decides the user's standing per world id; when null, <see cref="IsGuest"/> decides for every world.</summary>
    public Func<string, WorldAccess>? AccessTo { get; init; }

    /// <summary>Who the user acts for (their enterprise, say): added to the name when someone else in the
    /// world already goes by the same name, so the two can be told apart.</summary>
    public string? Affiliation { get; init; }

    public WorldAccess AccessFor(string worldId) =>
        AccessTo?.Invoke(worldId) ?? (IsGuest ? WorldAccess.Guest : WorldAccess.Member);
}
