using Lingjing.World.Bus.Wire;

namespace Lingjing.World.Bus;

/// <summary>
/// Who is in each world, and which moderation is in force, as the events tell it: what a node that starts
/// listening to a world is given first. Not thread-safe; the bus that owns it serialises access.
/// </summary>
public sealed class WorldRosters
{
    private readonly Dictionary<string, Dictionary<uint, BusEvent>> _arrivals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<(string UserId, bool Muted), BusEvent>> _moderation = new(StringComparer.Ordinal);

    public void Track(BusEvent message)
    {
        switch (message.BodyCase)
        {
            case BusEvent.BodyOneofCase.Arrived:
                Of(_arrivals, message.WorldId)[message.Arrived.Profile.Id] = message;
                break;
            case BusEvent.BodyOneofCase.Departed:
                if (_arrivals.TryGetValue(message.WorldId, out var avatars)) avatars.Remove(message.Departed.AvatarId);
                break;
            case BusEvent.BodyOneofCase.Moderation:
                var moderation = message.Moderation;
                var muted = moderation.Kind is ModerationKind.Mute or ModerationKind.Unmute;
                var lifted = moderation.Kind is ModerationKind.Unmute or ModerationKind.LiftBanEverywhere;
                var key = (moderation.UserId, muted);
                if (lifted) Of(_moderation, message.WorldId).Remove(key);
                else Of(_moderation, message.WorldId)[key] = message;
                break;
        }
    }

    /// <summary>Forgets every avatar a node held (it is gone) and returns their departures, to be published.</summary>
    public IReadOnlyList<BusEvent> DepartAll(string origin)
    {
        var departures = new List<BusEvent>();
        foreach (var (worldId, avatars) in _arrivals)
            foreach (var (id, arrival) in avatars.Where(a => a.Value.Origin == origin).ToList())
            {
                avatars.Remove(id);
                departures.Add(new BusEvent { WorldId = worldId, Origin = origin, Departed = new AvatarDeparted { AvatarId = id } });
            }
        return departures;
    }

    /// <summary>The moderation of a world still in force at <paramref name="nowMs"/>, as it was published.</summary>
    public IEnumerable<BusEvent> InForce(string worldId, ulong nowMs) =>
        _moderation.TryGetValue(worldId, out var moderation)
            ? moderation.Values.Where(m => m.Moderation.UntilMs > nowMs).ToList()
            : [];

    /// <summary>The avatars of a world as their arrivals were published.</summary>
    public IEnumerable<BusEvent> Present(string worldId) =>
        _arrivals.TryGetValue(worldId, out var avatars) ? avatars.Values.ToList() : [];

    /// <summary>The moderation still in force at <paramref name="nowMs"/> and the avatars present, each marked as replay.</summary>
    public IEnumerable<BusEvent> Replay(string worldId, ulong nowMs = 0)
    {
        foreach (var message in InForce(worldId, nowMs))
        {
            var copy = message.Clone();
            copy.Moderation.Replay = true;
            yield return copy;
        }
        foreach (var message in Present(worldId))
        {
            var copy = message.Clone();
            copy.Arrived.Replay = true;
            yield return copy;
        }
    }

    private static Dictionary<TKey, BusEvent> Of<TKey>(Dictionary<string, Dictionary<TKey, BusEvent>> map, string worldId)
        where TKey : notnull
    {
        if (!map.TryGetValue(worldId, out var entries)) map[worldId] = entries = new Dictionary<TKey, BusEvent>();
        return entries;
    }
}
