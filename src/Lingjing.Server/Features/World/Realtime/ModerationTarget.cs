namespace Lingjing.Server.Features.World.Realtime;

/// <summary>What park moderation and zone-wide bans both read from a request: whom it means (a user id, or
/// the avatar of someone in a world now) and for how many minutes.</summary>
public static class ModerationTarget
{
    public static Guid? UserOf(string worldId, string? userId, uint? avatarId, WorldConnections connections) =>
        Guid.TryParse(userId, out var id) ? id
        : avatarId is { } avatar && Guid.TryParse(connections.UserOf(worldId, avatar), out var found) ? found
        : null;

    public static readonly Field Person = new("userId", "Person");
    public static readonly Field Minutes = new("minutes", "Minutes");

    /// <summary>The request's problems under their keys: nobody found, or (when the action lasts a while)
    /// minutes out of range.</summary>
    public static FieldErrors Check(Guid? user, int? minutes = null, int? maxMinutes = null)
    {
        var errors = new FieldErrors();
        if (user is null) errors.Add(Person, "Name a person: a user id, or the avatar id of someone in the world now.");
        if (maxMinutes is { } max && (minutes is not (>= 1) || minutes > max)) errors.Add(Minutes, "A whole number from {0} to {1}.", 1, max);
        return errors;
    }
}
