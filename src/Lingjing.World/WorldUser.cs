using Lingjing.World.Protocol;

namespace Lingjing.World;

/// <summary>The signed-in person behind a connection, as authenticated by the server.</summary>
public sealed record WorldUser(string UserId, string DisplayName, AvatarLook Look, bool IsGuest = false);
