using System.Collections.Concurrent;
using Lingjing.World.Sessions;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>The world sessions connected to this node, so an operator acting on an avatar they see in
/// the world (the protocol names avatars, not users) reaches the user behind it.</summary>
public sealed class WorldConnections
{
    private readonly ConcurrentDictionary<WorldSession, byte> sessions = new();

    public void Add(WorldSession session) => sessions.TryAdd(session, 0);

    public void Remove(WorldSession session) => sessions.TryRemove(session, out _);

    /// <summary>The user id of an avatar connected to this node in a world, or null.</summary>
    public string? UserOf(string worldId, uint avatarId) =>
        avatarId == 0
            ? null
            : sessions.Keys.FirstOrDefault(s => !s.IsClosed && s.AvatarId == avatarId && s.World?.Id == worldId)?.User.UserId;
}
