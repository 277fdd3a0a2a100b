namespace Lingjing.Server.Features.Events.Hall;

/// <summary>
/// Who sits in which instance of one event's hall. A person is given a seat when they enter (their colleagues'
/// instance if it has room, else the first with room, else a new one) and keeps it while some node reports them there;
/// a seat nobody has reported for <see cref="KeptFor"/> is given up, so one held for someone on their way in counts
/// against the instance's size until they arrive or give up. Counts are kept as seats change, so placing one person
/// among thousands costs a look at the instances, not at everyone. Not thread-safe: one grain per event holds one.
/// </summary>
public sealed class HallSeating(int instanceSize)
{
    /// <summary>How long a seat is kept without a node reporting its person in the instance (nodes report every 20 s).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(75);
    private static readonly TimeSpan ExpiryEvery = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Guid, Seat> _seats = new();
    private readonly Dictionary<int, int> _people = new();
    private readonly Dictionary<(string Group, int Instance), int> _colleagues = new();
    private DateTimeOffset _expiredAt = DateTimeOffset.MinValue;

    /// <summary>The instance for this person: the one they asked for (<paramref name="wanted"/>: an instance with people
    /// or the next new one) if it has room, else the one they sit in, else their colleagues' with the most of them and
    /// room, else the first with room, else a new one. Null when the one they asked for is full or does not exist.</summary>
    public int? Place(Guid userId, string group, int? wanted, DateTimeOffset now)
    {
        Expire(now);
        var current = _seats.GetValueOrDefault(userId);
        if (wanted is { } asked)
        {
            var exists = _people.ContainsKey(asked) || asked == NewInstance;
            if (!exists || (asked != current?.Instance && PeopleIn(asked) >= instanceSize)) return null;
            return Sit(userId, group, asked, now);
        }
        if (current is not null) return Sit(userId, group, current.Instance, now);
        int? colleagues = null;
        if (group.Length > 0)
            colleagues = _colleagues.Where(c => c.Key.Group == group && PeopleIn(c.Key.Instance) < instanceSize)
                .OrderByDescending(c => c.Value).ThenBy(c => c.Key.Instance).Select(c => (int?)c.Key.Instance).FirstOrDefault();
        var withRoom = _people.Where(p => p.Value < instanceSize).Select(p => (int?)p.Key).Min();
        return Sit(userId, group, colleagues ?? withRoom ?? NewInstance, now);
    }

    /// <summary>A node saw these people in the instance now: their seats are kept (and taken, for someone who
    /// reconnected straight to it after the seat was given up, or whose seat's grain started again after its node died).</summary>
    public void Seen(int instance, IEnumerable<Guid> present, DateTimeOffset now)
    {
        foreach (var userId in present) Sit(userId, _seats.GetValueOrDefault(userId)?.Group ?? "", instance, now);
    }

    /// <summary>The instance the person sits in, if any.</summary>
    public int? InstanceOf(Guid userId, DateTimeOffset now)
    {
        Expire(now);
        return _seats.TryGetValue(userId, out var seat) ? seat.Instance : null;
    }

    /// <summary>Every instance with people in it, with how many and how many of <paramref name="group"/>.</summary>
    public IReadOnlyList<HallInstanceView> Instances(string group, DateTimeOffset now)
    {
        Expire(now);
        return _people.OrderBy(p => p.Key)
            .Select(p => new HallInstanceView(p.Key, p.Value, group.Length == 0 ? 0 : _colleagues.GetValueOrDefault((group, p.Key)), p.Value >= instanceSize))
            .ToList();
    }

    /// <summary>The number a new instance gets: one past the highest with people in it, or the first gap.</summary>
    private int NewInstance
    {
        get
        {
            var n = 1;
            while (_people.ContainsKey(n)) n++;
            return n;
        }
    }

    private int PeopleIn(int instance) => _people.GetValueOrDefault(instance);

    private int Sit(Guid userId, string group, int instance, DateTimeOffset now)
    {
        if (_seats.Remove(userId, out var previous)) Count(previous, -1);
        var seat = new Seat(instance, group, now);
        _seats[userId] = seat;
        Count(seat, +1);
        return instance;
    }

    private void Count(Seat seat, int change)
    {
        Add(_people, seat.Instance, change);
        if (seat.Group.Length > 0) Add(_colleagues, (seat.Group, seat.Instance), change);
    }

    private static void Add<TKey>(Dictionary<TKey, int> counts, TKey key, int change) where TKey : notnull
    {
        var count = counts.GetValueOrDefault(key) + change;
        if (count > 0) counts[key] = count;
        else counts.Remove(key);
    }

    private void Expire(DateTimeOffset now)
    {
        if (now - _expiredAt < ExpiryEvery) return;
        _expiredAt = now;
        foreach (var (userId, seat) in _seats.Where(s => now - s.Value.SeenAt > KeptFor).ToList())
        {
            _seats.Remove(userId);
            Count(seat, -1);
        }
    }

    private sealed record Seat(int Instance, string Group, DateTimeOffset SeenAt);
}

/// <param name="Colleagues">How many of the asker's organisation sit there.</param>
[GenerateSerializer, Immutable]
public sealed record HallInstanceView(
    [property: Id(0)] int Instance,
    [property: Id(1)] int People,
    [property: Id(2)] int Colleagues,
    [property: Id(3)] bool Full);
