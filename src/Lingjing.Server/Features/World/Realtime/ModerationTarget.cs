namespace Lingjing.Server.Features.World.Realtime;

/// <summary>What park moderation and zone-wide bans both read from a request: whom it means (a user id, or
/// the avatar of someone in a world now) and for how many minutes.</summary>
public static class ModerationTarget
{
    public static Guid? UserOf(string worldId, string? userId, uint? avatarId, WorldConnections connections) =>
        Guid.TryParse(userId, out var id) ? id
        : avatarId is { } avatar && Guid.TryParse(connections.UserOf(worldId, avatar), out var found) ? found
        : null;

    /// <summary>Why <paramref name="minutes"/> is not acceptable, or null when it is.</summary>
    public static string? MinutesProblem(int? minutes, int max) =>
        minutes is >= 1 && minutes <= max ? null : $"`minutes` must be from 1 to {max}.";
}
