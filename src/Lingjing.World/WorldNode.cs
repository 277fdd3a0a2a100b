using System.Collections.Concurrent;
using Lingjing.World.Bus;
using Lingjing.World.Bus.Wire;
using Lingjing.World.Media;
using Lingjing.World.Sessions;

namespace Lingjing.World;

/// <summary>
/// The engine on one server node: its worlds, the connections attached to it and the tick loop that
/// drives every world on one dedicated thread.
/// </summary>
public sealed class WorldNode : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, VirtualWorld> _worlds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, WorldSession> _awaitingHello = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _bannedEverywhereUntil = new(StringComparer.Ordinal);
    private readonly IWorldBus _bus;
    private readonly ISelectiveForwarder? _forwarder;
    private readonly IDisposable _zoneSubscription;
    private WorldTickLoop? _loop;
    private long _nextSessionId;
    private uint _nextAvatarSerial;

    public WorldNode(WorldOptions? options = null, TimeProvider? time = null, IWorldBus? bus = null, ISelectiveForwarder? forwarder = null)
    {
        Options = options ?? new WorldOptions();
        Options.Validate();
        Time = time ?? TimeProvider.System;
        _bus = bus ?? new InProcessWorldBus();
        _forwarder = forwarder;
        // Closes the forwarder decides by itself reach the client through its world's tick, like every reply.
        if (forwarder is not null)
            forwarder.Closed += (party, signal) => FindWorld(party.Room)?.Enqueue(new WorldCommand.ForwarderReply(party.AvatarId, signal));
        _zoneSubscription = _bus.SubscribeEvents(IWorldBus.ZoneChannel, new ZoneInbox(this));
    }

    public WorldOptions Options { get; }
    public TimeProvider Time { get; }
    public WorldMetrics Metrics { get; } = new();
    public IReadOnlyCollection<VirtualWorld> Worlds => (IReadOnlyCollection<VirtualWorld>)_worlds.Values;

    /// <summary>Adds a world clients can join by its id. Thread-safe; call before or while running.</summary>
    public VirtualWorld AddWorld(WorldDefinition definition)
    {
        var world = new VirtualWorld(definition, Options, Time, Metrics, _bus, NextAvatarId, _forwarder);
        if (!_worlds.TryAdd(definition.Id, world))
            throw new InvalidOperationException($"World '{definition.Id}' already exists.");
        return world;
    }

    public VirtualWorld? FindWorld(string id) => _worlds.TryGetValue(id, out var world) ? world : null;

    /// <summary>
    /// Attaches an authenticated connection. Feed its binary frames to the returned session's
    /// ReceiveFrame; the first must be Hello, within Options.HelloTimeout.
    /// </summary>
    public WorldSession Attach(IWorldConnection connection, WorldUser user)
    {
        var session = new WorldSession(this, Interlocked.Increment(ref _nextSessionId), connection, user);
        _awaitingHello[session.Id] = session;
        Metrics.SessionOpened();
        return session;
    }

    /// <summary>
    /// A zone-wide ban: removes the user from every world of this node (Kicked, then close 4003) and
    /// refuses their Hello to any world, including worlds added later, until it ends. Thread-safe.
    /// </summary>
    public DateTimeOffset BanEverywhere(string userId, TimeSpan duration)
    {
        var until = Time.GetUtcNow() + duration;
        ApplyBanEverywhere(userId, until);
        PublishZone(userId, ModerationKind.BanEverywhere, until);
        return until;
    }

    public void LiftBanEverywhere(string userId)
    {
        _bannedEverywhereUntil.TryRemove(userId, out _);
        PublishZone(userId, ModerationKind.LiftBanEverywhere, Time.GetUtcNow());
    }

    private void ApplyBanEverywhere(string userId, DateTimeOffset until)
    {
        _bannedEverywhereUntil[userId] = until;
        foreach (var world in _worlds.Values)
            world.SessionOf(userId)?.Kick(WorldCloseCodes.Removed, "removed from every world of the zone");
    }

    private void PublishZone(string userId, ModerationKind kind, DateTimeOffset until) => _bus.Publish(new BusEvent
    {
        WorldId = IWorldBus.ZoneChannel,
        Origin = Options.NodeId,
        Moderation = new ModerationApplied { UserId = userId, Kind = kind, UntilMs = (ulong)until.ToUnixTimeMilliseconds() },
    });

    /// <summary>Zone-wide bans decided on other nodes (or still in force when this node joined).</summary>
    private sealed class ZoneInbox(WorldNode node) : IBusEventReceiver
    {
        public void Receive(BusEvent message)
        {
            if (message.Origin == node.Options.NodeId || message.BodyCase != BusEvent.BodyOneofCase.Moderation) return;
            var moderation = message.Moderation;
            if (moderation.Kind == ModerationKind.BanEverywhere)
                node.ApplyBanEverywhere(moderation.UserId, DateTimeOffset.FromUnixTimeMilliseconds((long)moderation.UntilMs));
            else if (moderation.Kind == ModerationKind.LiftBanEverywhere)
                node._bannedEverywhereUntil.TryRemove(moderation.UserId, out _);
        }
    }

    public bool IsBannedEverywhere(string userId) =>
        _bannedEverywhereUntil.TryGetValue(userId, out var until) && until > Time.GetUtcNow();

    /// <summary>Runs one tick of every world on the calling thread (tests drive time this way).</summary>
    public void Tick()
    {
        var started = Time.GetTimestamp();
        foreach (var session in _awaitingHello.Values)
            if (Time.GetElapsedTime(session.ConnectedAt, started) > Options.HelloTimeout)
                session.Close(WorldCloseCodes.HelloTimeout, "no hello received");
        // Every world moves on first and its batch leaves; then, once other nodes' batches of this tick are in,
        // every client gets its snapshot.
        foreach (var world in _worlds.Values) world.MoveOn();
        _bus.TickCompleted();
        // Not when the tick already took half its period: a node behind schedule does not fall further behind.
        if (_bus.GatherWindow > TimeSpan.Zero && Time.GetElapsedTime(started) < TimeSpan.FromSeconds(0.5 / Options.TickRateHz))
            Thread.Sleep(_bus.GatherWindow);
        foreach (var world in _worlds.Values)
        {
            world.Deliver();
            if (world.Definition.CloseWhenEmptyFor is { } idle && world.EmptyFor(idle, started) && _worlds.TryRemove(new(world.Id, world)))
                world.Retire();
        }
        Metrics.TickCompleted((long)Time.GetElapsedTime(started).TotalMicroseconds);
    }

    /// <summary>Starts ticking at Options.TickRateHz on a dedicated thread.</summary>
    public void Start()
    {
        if (_loop is not null) throw new InvalidOperationException("The world node is already running.");
        _loop = new WorldTickLoop(Tick, Options.TickRateHz);
        _loop.Start();
    }

    /// <summary>Stops the loop and closes every connection with 1001.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop.StopAsync().ConfigureAwait(false);
            _loop.Dispose();
        }
        foreach (var session in _awaitingHello.Values) session.Close(WorldCloseCodes.GoingAway, "server shutting down");
        foreach (var world in _worlds.Values) world.Shutdown();
        _zoneSubscription.Dispose();
        Metrics.Dispose();
    }

    internal void HelloReceived(WorldSession session) => _awaitingHello.TryRemove(session.Id, out _);

    internal void SessionClosed(WorldSession session, int code)
    {
        _awaitingHello.TryRemove(session.Id, out _);
        Metrics.SessionClosed(code);
    }

    private uint NextAvatarId()
    {
        // Top byte: the node, so nodes sharing a world never hand out the same id.
        var serial = Interlocked.Increment(ref _nextAvatarSerial) & 0x00FF_FFFF;
        return ((uint)Options.NodeIndex << 24) | (serial == 0 ? 1 : serial);
    }
}
