using System.Collections.Concurrent;
using Lingjing.World.Bus;
using Lingjing.World.Bus.Wire;
using Lingjing.World.Chat;
using Lingjing.World.Encoding;
using Lingjing.World.Grid;
using Lingjing.World.Media;
using Lingjing.World.Protocol;
using Lingjing.World.Sessions;

namespace Lingjing.World;

/// <summary>
/// The authoritative state of one world (a park, or the whole zone) on this node: its avatars, the
/// cells they occupy, chat and moderation. Avatars held by other nodes arrive through the bus
/// (VirtualWorld.Remote.cs). Mutated only by <see cref="Tick"/> on the node's tick
/// thread; receive threads and operators hand it work through a queue.
/// </summary>
public sealed partial class VirtualWorld
{
    private readonly WorldOptions _options;
    private readonly TimeProvider _time;
    private readonly WorldMetrics _metrics;
    private readonly IWorldBus _bus;
    private readonly ViewPattern _chatPattern;
    private readonly ViewPattern _hearingPattern;
    private readonly ForwarderRelay? _forwarder;
    private readonly LocalOccupancy _local;
    private readonly PublishedCells _published;
    private readonly CellWatchers? _watchers;
    private readonly IDisposable? _worldSubscription;
    // One composer per core: clients' frames are composed in parallel (each composer has its own scratch state).
    private readonly SnapshotComposer[] _composers;
    private readonly CellBatchEncoder _encoder = new();
    private readonly ChatHistoryRing _history;
    private readonly ConcurrentQueue<WorldCommand> _commands = new();
    private readonly ConcurrentQueue<WorldCellBatch> _inbox = new();
    private readonly Dictionary<uint, Avatar> _avatars = new();
    private readonly List<WorldSession> _sessions = new();
    private readonly List<uint> _leftThisTick = new();
    private readonly HashSet<string> _namesInUse = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WorldSession> _byUser = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _mutedUntil = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _bannedUntil = new();
    private volatile IReadOnlySet<string> _amplified;
    private readonly List<Avatar> _amplifiedAvatars = new();
    private readonly byte[]?[] _localFragments;
    private readonly Func<uint> _nextAvatarId;
    private const int ParallelComposeThreshold = 256;
    private readonly Random _spawnRandom = new();
    private readonly int _hearingRadiusCm;
    private uint _tick;
    private ulong _tickTimeMs;
    private ulong _chatId;

    internal VirtualWorld(WorldDefinition definition, WorldOptions options, TimeProvider time, WorldMetrics metrics,
        IWorldBus bus, Func<uint> nextAvatarId, ISelectiveForwarder? forwarder = null)
    {
        Definition = definition;
        _options = options;
        _time = time;
        _metrics = metrics;
        _bus = bus;
        _nextAvatarId = nextAvatarId;
        Grid = new WorldGrid(definition.Bounds, options.CellSizeCm);
        View = new ViewPattern(options.ViewRadiusCm, options.CellSizeCm);
        _chatPattern = new ViewPattern(options.ChatRadiusCm, options.CellSizeCm);
        _hearingRadiusCm = definition.HearingRadiusCm ?? options.HearingRadiusCm;
        _hearingPattern = new ViewPattern(_hearingRadiusCm, options.CellSizeCm);
        _amplified = definition.Amplified.ToHashSet(StringComparer.Ordinal);
        if (forwarder is not null)
            _forwarder = new ForwarderRelay(definition.SharedStage ?? definition.Id, forwarder, FeedRefusal, Enqueue);
        _local = new LocalOccupancy(Grid.CellCount);
        _published = new PublishedCells(Grid.CellCount);
        _localFragments = new byte[]?[Grid.CellCount];
        _history = new ChatHistoryRing(options.ChatHistorySize);
        var inbox = new BusInbox(_inbox);
        if (options.InterestManagement)
            _watchers = new CellWatchers(Grid, View, bus, definition.Id, inbox,
                _published.Forget);
        else
            _worldSubscription = bus.SubscribeWorld(definition.Id, inbox);
        _eventSubscription = bus.SubscribeEvents(definition.Id, new EventInbox(_events, options.NodeId));
        _stageSubscription = SubscribeStage();
        _composers = new SnapshotComposer[Math.Max(1, options.ComposeParallelism)];
        for (var i = 0; i < _composers.Length; i++)
            _composers[i] = new SnapshotComposer(Grid, View, _published, options,
                ProfileOf);
    }

    public WorldDefinition Definition { get; }
    public string Id => Definition.Id;
    public WorldGrid Grid { get; }
    public ViewPattern View { get; }

    /// <summary>Avatars of this node in this world (read on the tick thread or as an estimate).</summary>
    public int Population => Volatile.Read(ref _population);
    private int _population;

    public uint CurrentTick => _tick;

    /// <summary>Stops the user chatting until now + duration and tells them. Thread-safe.</summary>
    public void Mute(string userId, TimeSpan duration)
    {
        var until = _time.GetUtcNow() + duration;
        ApplyMute(userId, until);
        PublishModeration(userId, ModerationKind.Mute, until);
    }

    public void Unmute(string userId)
    {
        _mutedUntil.TryRemove(userId, out _);
        PublishModeration(userId, ModerationKind.Unmute, _time.GetUtcNow());
    }

    /// <summary>Removes the user from this world (Kicked, then close 4003) and bars them for banFor (default 10 minutes),
    /// on every node of the world. Thread-safe.</summary>
    public void Remove(string userId, TimeSpan? banFor = null)
    {
        var until = _time.GetUtcNow() + (banFor ?? TimeSpan.FromMinutes(10));
        ApplyRemoval(userId, until);
        PublishModeration(userId, ModerationKind.Remove, until);
    }

    private void ApplyMute(string userId, DateTimeOffset until)
    {
        _mutedUntil[userId] = until;
        if (_byUser.TryGetValue(userId, out var session))
            session.Send(ServerFrames.Of(new Muted { UntilMs = (ulong)until.ToUnixTimeMilliseconds(), Reason = "muted by an operator" }));
    }

    private void ApplyRemoval(string userId, DateTimeOffset until)
    {
        _bannedUntil[userId] = until;
        if (_byUser.TryGetValue(userId, out var session))
            session.Kick(WorldCloseCodes.Removed, "removed by an operator");
    }

    /// <summary>Makes exactly these users heard and seen by everyone in this world whatever the distance (an event hall's
    /// stage and microphone), from the next keyframe. Local to this node: each node applies the stage it reads from the
    /// database to its own copy of the world. Thread-safe.</summary>
    public void Amplify(IEnumerable<string> userIds) => _amplified = userIds.ToHashSet(StringComparer.Ordinal);

    /// <summary>The users amplified in this world now.</summary>
    public IReadOnlySet<string> Amplified => _amplified;

    public DateTimeOffset? MutedUntil(string userId) =>
        _mutedUntil.TryGetValue(userId, out var until) && until > _time.GetUtcNow() ? until : null;

    public bool IsBanned(string userId) =>
        _bannedUntil.TryGetValue(userId, out var until) && until > _time.GetUtcNow();

    /// <summary>The users connected to this node in this world now (a snapshot). Thread-safe.</summary>
    public IReadOnlyCollection<string> UserIds => (IReadOnlyCollection<string>)_byUser.Keys;

    /// <summary>The live session of a user in this world, if any.</summary>
    public WorldSession? SessionOf(string userId) => _byUser.TryGetValue(userId, out var s) ? s : null;

    internal void Enqueue(WorldCommand command)
    {
        _commands.Enqueue(command);
        // A session that found this world just before the node removed it: sent back to reconnect, which makes it again.
        if (Volatile.Read(ref _retired)) RefuseQueued();
    }

    private long _emptySince = -1;
    private bool _retired;

    /// <summary>True once nobody has been in the world, or on their way in, for <paramref name="span"/>, and no ban or
    /// mute here is still in force. Called on the tick thread after <see cref="Tick"/>.</summary>
    internal bool EmptyFor(TimeSpan span, long now)
    {
        var nowUtc = _time.GetUtcNow();
        if (_sessions.Count > 0 || !_commands.IsEmpty || _bannedUntil.Values.Any(until => until > nowUtc) || _mutedUntil.Values.Any(until => until > nowUtc))
        {
            _emptySince = -1;
            return false;
        }
        if (_emptySince < 0) _emptySince = now;
        return _time.GetElapsedTime(_emptySince, now) >= span;
    }

    /// <summary>The node has removed this world: it lets go of its subscriptions and turns away anyone still arriving.</summary>
    internal void Retire()
    {
        Volatile.Write(ref _retired, true);
        RefuseQueued();
        _watchers?.UnwatchAll();
        _worldSubscription?.Dispose();
        _eventSubscription.Dispose();
        _stageSubscription?.Dispose();
    }

    private void RefuseQueued()
    {
        while (_commands.TryDequeue(out var command))
            if (command is WorldCommand.Join join)
                join.Session.Close(WorldCloseCodes.GoingAway, "this room had closed; reconnect to open it again");
    }

    /// <summary>Runs one tick: <see cref="MoveOn"/>, then <see cref="Deliver"/>.</summary>
    public void Tick()
    {
        MoveOn();
        Deliver();
    }

    /// <summary>The first half of a tick: applies other nodes' events, queued work and inputs, and publishes the cells
    /// that changed, each encoded once.</summary>
    internal void MoveOn()
    {
        _tick++;
        _tickTimeMs = (ulong)_time.GetUtcNow().ToUnixTimeMilliseconds();
        var now = _time.GetTimestamp();
        DrainEvents();
        DrainStage();
        DrainCommands(now);
        ApplyInputs(now);
        if (_tick % (uint)_options.KeyframeTicks == 0) RefreshMedia();
        AnnounceDepartures();
        ShowStage();
        PublishCells();
    }

    /// <summary>The second half: takes in the cells published since (this node's, and other nodes' of the same tick)
    /// and sends every client its frame.</summary>
    internal void Deliver()
    {
        DrainEvents();
        DrainStage();
        DrainInbox();
        if (_stageSubscription is not null) MarkStageCells();
        SendSnapshots(_time.GetTimestamp());
    }

    internal void Shutdown()
    {
        foreach (var session in _sessions.ToArray()) session.Close(WorldCloseCodes.GoingAway, "server shutting down");
        DrainCommands(_time.GetTimestamp());
        _watchers?.UnwatchAll();
        _worldSubscription?.Dispose();
        _eventSubscription.Dispose();
        _stageSubscription?.Dispose();
    }

    private void DrainCommands(long now)
    {
        while (_commands.TryDequeue(out var command))
        {
            switch (command)
            {
                case WorldCommand.Join join: Join(join.Session, now); break;
                case WorldCommand.Leave leave: Leave(leave.Session); break;
                case WorldCommand.Chat chat: DeliverChat(chat); break;
                case WorldCommand.Emote emote: DeliverEmote(emote); break;
                case WorldCommand.Media media: ApplyMediaState(media); break;
                case WorldCommand.Signal signal: DeliverSignal(signal); break;
                case WorldCommand.Forward forward: Forward(forward); break;
                case WorldCommand.ForwarderReply reply:
                    if (_avatars.TryGetValue(reply.AvatarId, out var avatar)) ForwarderRelay.Reply(avatar, reply.Message);
                    break;
            }
        }
    }

    private void Join(WorldSession session, long now)
    {
        if (session.IsClosed || session.Avatar is not null) return;
        var user = session.User;
        if (_byUser.TryGetValue(user.UserId, out var previous) && previous != session)
            previous.Kick(WorldCloseCodes.Replaced, "replaced by a newer connection");
        _byUser[user.UserId] = session;
        // The same person connected through another node too: that node lets go of the older connection
        // when it hears of this arrival.

        var id = _nextAvatarId();
        var profile = new AvatarProfile
        {
            Id = id,
            DisplayName = DistinctName(user),
            Look = user.Look,
            Guest = session.Access != WorldAccess.Member,
            Affiliation = user.Affiliation is { } affiliation ? ChatText.Sanitize(affiliation) : "",
        };
        _namesInUse.Add(profile.DisplayName);
        var spawn = Definition.Bounds.Clamp(session.ResumeAt ?? ScatteredSpawn());
        var avatar = new Avatar(id, session, profile, spawn, now);
        _avatars[id] = avatar;
        var cell = Grid.CellOf(spawn.X, spawn.Z);
        _local.Add(avatar, Grid.IndexOf(cell));
        session.Avatar = avatar;
        session.View.Cell = cell;
        _watchers?.Watch(cell);
        _sessions.Add(session);
        Volatile.Write(ref _population, _avatars.Count);
        _metrics.AvatarAdded();
        PublishArrival(avatar, user.UserId);

        session.Send(ServerFrames.Of(new Welcome
        {
            AvatarId = id,
            WorldId = Id,
            ProtocolVersion = WorldOptions.ProtocolVersion,
            TickRateHz = (uint)_options.TickRateHz,
            ViewRadiusCm = (uint)_options.ViewRadiusCm,
            CellSizeCm = (uint)_options.CellSizeCm,
            ChatRadiusCm = (uint)_options.ChatRadiusCm,
            Bounds = new Bounds
            {
                MinX = Definition.Bounds.MinX, MinY = Definition.Bounds.MinY, MinZ = Definition.Bounds.MinZ,
                MaxX = Definition.Bounds.MaxX, MaxY = Definition.Bounds.MaxY, MaxZ = Definition.Bounds.MaxZ,
            },
            Spawn = new Vec3 { X = spawn.X, Y = spawn.Y, Z = spawn.Z },
            MaxSpeedCmPerS = (uint)_options.MaxSpeedCmPerSecond,
            ServerTimeMs = (ulong)_time.GetUtcNow().ToUnixTimeMilliseconds(),
            Population = (uint)(_avatars.Count + _remote.Count),
            InterestManagement = _options.InterestManagement,
            Limits = new Limits
            {
                MaxFrameBytes = (uint)_options.MaxClientFrameBytes,
                MaxChatChars = (uint)_options.MaxChatChars,
                InputPerSecond = (uint)_options.InputPerSecond,
                InputBurst = (uint)_options.InputBurst,
                ChatPerMinute = (uint)_options.ChatPerMinute,
                ChatBurst = (uint)_options.ChatBurst,
                MaxEmote = (uint)_options.MaxEmote,
                MaxSignalFrameBytes = (uint)_options.MaxSignalFrameBytes,
                SignalsPerSecond = (uint)_options.SignalPerSecond,
                SignalBurst = (uint)_options.SignalBurst,
            },
            Media = MediaBits.Settings(_options, _hearingRadiusCm, forwarder: _forwarder is not null),
        }));
        if (_history.Count > 0)
        {
            var history = new Protocol.ChatHistory();
            history.Messages.AddRange(_history.Recent());
            session.Send(ServerFrames.Of(history));
        }
    }

    /// <summary>
    /// The user's name, told apart from everyone already here: a second "Wang Wei" becomes
    /// "Wang Wei (their enterprise)", or "Wang Wei #2" when that is taken too or they have no affiliation.
    /// </summary>
    private string DistinctName(WorldUser user)
    {
        var name = ChatText.Sanitize(user.DisplayName);
        if (!_namesInUse.Contains(name)) return name;
        if (user.Affiliation is { } affiliation && ChatText.Sanitize(affiliation) is { Length: > 0 } clean
            && !_namesInUse.Contains($"{name} ({clean})"))
            return $"{name} ({clean})";
        for (var n = 2; ; n++)
            if (!_namesInUse.Contains($"{name} #{n}")) return $"{name} #{n}";
    }

    private PositionCm ScatteredSpawn()
    {
        var spawn = Definition.Spawn;
        var radius = Definition.SpawnScatterCm;
        if (radius <= 0) return spawn;
        // Uniform over the disc: the square root keeps the centre from being denser than the rim.
        var distance = radius * Math.Sqrt(_spawnRandom.NextDouble());
        var angle = _spawnRandom.NextDouble() * 2 * Math.PI;
        return new PositionCm(spawn.X + (int)(distance * Math.Cos(angle)), spawn.Y, spawn.Z + (int)(distance * Math.Sin(angle)));
    }

    private void Leave(WorldSession session)
    {
        if (session.Avatar is not { } avatar || !_avatars.Remove(avatar.Id)) return;
        _local.Remove(avatar);
        _watchers?.Unwatch(session.View.Cell);
        _sessions.Remove(session);
        _byUser.TryRemove(new KeyValuePair<string, WorldSession>(session.User.UserId, session));
        _namesInUse.Remove(avatar.Profile.DisplayName);
        _leftThisTick.Add(avatar.Id);
        _amplifiedAvatars.Remove(avatar);
        _forwarder?.Left(avatar);
        PublishDeparture(avatar.Id);
        Volatile.Write(ref _population, _avatars.Count);
        _metrics.AvatarRemoved();
    }

    private void AnnounceDepartures()
    {
        if (_leftThisTick.Count == 0) return;
        var perSession = new AvatarsLeft();
        foreach (var session in _sessions)
        {
            perSession.AvatarIds.Clear();
            foreach (var id in _leftThisTick)
                if (session.View.KnownAvatars.Remove(id)) perSession.AvatarIds.Add(id);
            if (perSession.AvatarIds.Count > 0) session.Send(ServerFrames.Of(perSession));
        }
        _leftThisTick.Clear();
    }

    private void ApplyInputs(long now)
    {
        var maxSpeed = (double)_options.MaxSpeedCmPerSecond;
        foreach (var session in _sessions)
        {
            if (session.Avatar is not { } avatar || session.TakeInput() is not { } input) continue;
            // Allowed travel: max speed over the time since the last applied input (at most 1 s), +10 % for jitter.
            var elapsed = Math.Min(1.0, _time.GetElapsedTime(avatar.LastMovedAt, now).TotalSeconds);
            var target = MovementRules.Limit(avatar.Position, new PositionCm(input.X, input.Y, input.Z),
                maxSpeed * elapsed * 1.1, Definition.Bounds);
            avatar.LastMovedAt = now;
            avatar.AckedInputSeq = input.Seq;
            if (target == avatar.Position && input.Heading == avatar.Heading && input.State == avatar.State) continue;
            avatar.Position = target;
            avatar.Heading = input.Heading;
            avatar.State = input.State;
            var cell = Grid.CellOf(target.X, target.Z);
            var index = Grid.IndexOf(cell);
            if (index == avatar.CellIndex)
            {
                _local.MarkDirty(index);
                continue;
            }
            _local.Remove(avatar);
            _local.Add(avatar, index);
            _watchers?.Watch(cell);
            _watchers?.Unwatch(session.View.Cell);
            session.View.Cell = cell;
            session.View.CellChanged = true;
        }
    }

    private void PublishCells()
    {
        foreach (var index in _local.DirtyCells)
        {
            var avatars = _local.In(index);
            var fragment = avatars.Count == 0 ? [] : _encoder.Encode(Grid.CellAt(index), avatars);
            _metrics.CellEncoded();
            _localFragments[index] = avatars.Count == 0 ? null : fragment;
            Publish(index, fragment, avatars);
        }
        if (_tick % (uint)_options.KeyframeTicks == 0)
        {
            // Late subscribers on other nodes converge within one keyframe interval.
            foreach (var index in _local.Occupied)
                if (_localFragments[index] is { } fragment && !_local.DirtyCells.Contains(index))
                    Publish(index, fragment, _local.In(index));
        }
        _local.ClearDirty();
    }

    private void Publish(int index, byte[] fragment, IReadOnlyList<Avatar> avatars)
    {
        var ids = new uint[avatars.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = avatars[i].Id;
        _bus.Publish(new WorldCellBatch(Id, _options.NodeId, Grid.CellAt(index), _tick, fragment, ids));
    }

    private void DrainInbox()
    {
        while (_inbox.TryDequeue(out var batch))
        {
            if (!Grid.Contains(batch.Cell)) continue;
            _published.Apply(Grid.IndexOf(batch.Cell), batch.Origin, batch.Fragment, batch.AvatarIds);
        }
    }

    private void SendSnapshots(long now)
    {
        // The time of the state sent, when the tick took its inputs: clients time their inputs to arrive before the
        // next one, and a node of a cluster composes its snapshots a little later (IWorldBus.GatherWindow).
        var serverTimeMs = _tickTimeMs;
        var parts = _sessions.Count >= ParallelComposeThreshold ? _composers.Length : 1;
        if (parts == 1)
        {
            SendSnapshots(_composers[0], 0, _sessions.Count, now, serverTimeMs);
            return;
        }
        // Composing reads shared state that nothing writes during this phase (cells, avatars' profiles);
        // each session is touched by exactly one part, and outboxes are thread-safe.
        var chunk = (_sessions.Count + parts - 1) / parts;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            SendSnapshots(_composers[part], part * chunk, Math.Min(_sessions.Count, (part + 1) * chunk), now, serverTimeMs));
    }

    private void SendSnapshots(SnapshotComposer composer, int from, int to, long now, ulong serverTimeMs)
    {
        for (var i = from; i < to; i++)
        {
            var session = _sessions[i];
            if (session.IsClosed || session.Avatar is not { } avatar) continue;
            if (session.Outbox.PendingSince is { } oldest && _time.GetElapsedTime(oldest, now) > _options.MaxQueuedFrameAge)
            {
                session.Close(WorldCloseCodes.TooSlow, "client too slow");
                continue;
            }
            composer.Compose(session, avatar, _tick, serverTimeMs);
        }
    }

    private void DeliverChat(WorldCommand.Chat chat)
    {
        if (chat.Session.Avatar is not { } sender || !_avatars.ContainsKey(sender.Id)) return;
        var message = new ChatMessage
        {
            // Unique across the nodes of the world: the top byte is this node's.
            Id = ((ulong)_options.NodeIndex << 56) | ++_chatId,
            SenderId = sender.Id,
            SenderName = sender.Profile.DisplayName,
            Scope = chat.Scope,
            Text = chat.Text,
            ServerTimeMs = (ulong)_time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var frame = ServerFrames.Of(message); // encoded once, shared by every recipient
        PublishChat(message, sender.Position);
        if (chat.Scope == ChatScope.World)
        {
            _history.Add(message);
            foreach (var session in _sessions) session.Send(frame);
            return;
        }
        var radiusSquared = (long)_options.ChatRadiusCm * _options.ChatRadiusCm;
        foreach (var listener in AvatarsAround(sender, _chatPattern))
            if (DistanceSquared(listener.Position, sender.Position) <= radiusSquared) listener.Session.Send(frame);
    }

    private void DeliverEmote(WorldCommand.Emote emote)
    {
        if (emote.Session.Avatar is not { } avatar || !_avatars.ContainsKey(avatar.Id)) return;
        var frame = ServerFrames.Of(new EmotePlayed { AvatarId = avatar.Id, Emote = emote.EmoteId });
        PublishEmote(avatar, emote.EmoteId);
        if (!_options.InterestManagement)
        {
            foreach (var session in _sessions) session.Send(frame);
            return;
        }
        foreach (var viewer in AvatarsAround(avatar, View)) viewer.Session.Send(frame);
    }

    private void ApplyMediaState(WorldCommand.Media media)
    {
        if (media.Session.Avatar is not { } avatar || !_avatars.ContainsKey(avatar.Id)) return;
        avatar.MediaSent = MediaBits.Of(media.State);
        UpdateMedia(avatar);
    }

    /// <summary>Each keyframe: operators' mutes end by themselves, and groups grow past the peer limit or shrink
    /// back below it as people move; the media bits follow, and the forwarder lets go of what is no longer allowed.</summary>
    private void RefreshMedia()
    {
        var amplified = _amplified;
        _amplifiedAvatars.Clear();
        foreach (var avatar in _avatars.Values)
        {
            avatar.Amplified = amplified.Contains(avatar.Session.User.UserId);
            if (avatar.Amplified) _amplifiedAvatars.Add(avatar);
        }
        if (_forwarder is not null && Definition.SharedStage is not null && (_amplifiedAvatars.Count > 0 || _stageProfiles.Count > 0))
        {
            // A shared stage is published once to the forwarder's shared room and received from it in every world
            // that shows it: here everyone sends and receives through the forwarder.
            foreach (var avatar in _avatars.Values) (avatar.Forwarded, avatar.Mixed) = (true, false);
        }
        else if (_forwarder is not null)
        {
            var forwarded = ForwardedGroups.Decide(_avatars.Values, Hearing, _options.MediaPeerLimit);
            var mixed = ForwardedGroups.Mixes(Definition.MixVoicesFrom, forwarded.Count, _avatars.Values.Any(a => a.Mixed));
            foreach (var avatar in _avatars.Values)
            {
                avatar.Forwarded = forwarded.Contains(avatar.Id);
                avatar.Mixed = mixed && avatar.Forwarded;
            }
        }
        foreach (var avatar in _avatars.Values) UpdateMedia(avatar);
        _forwarder?.Review(_avatars.Values);
    }

    private void UpdateMedia(Avatar avatar)
    {
        var silenced = MutedUntil(avatar.Session.User.UserId) is null ? 0u : (uint)MediaFlags.Silenced;
        var media = avatar.MediaSent | silenced | (avatar.Forwarded ? (uint)MediaFlags.Forwarded : 0) | (avatar.Mixed ? (uint)MediaFlags.Mixed : 0)
            | (avatar.Amplified ? (uint)MediaFlags.Amplified : 0);
        if (media == avatar.Media) return;
        avatar.Media = media;
        _local.MarkDirty(avatar.CellIndex);
    }

    /// <summary>Relays one WebRTC negotiation message to its peer (named as the sender on the way down), or
    /// tells the sender why not. The media itself flows between the browsers, never through this server.</summary>
    private void DeliverSignal(WorldCommand.Signal signal)
    {
        if (signal.Session.Avatar is not { } sender || !_avatars.ContainsKey(sender.Id)) return;
        var message = signal.Message;
        if (!_avatars.ContainsKey(message.Peer) && _remote.ContainsKey(message.Peer))
        {
            PublishSignal(sender, message);
            return;
        }
        if (SignalRefusal(sender, message) is { } reason)
        {
            sender.Session.Send(ServerFrames.Of(new MediaRefused { Peer = message.Peer, Reason = reason }));
            return;
        }
        var peer = _avatars[message.Peer];
        message.Peer = sender.Id;
        peer.Session.Send(ServerFrames.Of(message));
    }

    private MediaRefuseReason? SignalRefusal(Avatar sender, MediaSignal message)
    {
        if (!_avatars.TryGetValue(message.Peer, out var peer) || peer == sender) return MediaRefuseReason.UnknownPeer;
        if (message.Kind == MediaSignalKind.HangUp) return null;
        if (((sender.Media | peer.Media) & (uint)MediaFlags.DoNotDisturb) != 0) return MediaRefuseReason.DoNotDisturb;
        return InReach(sender, peer) ? null : MediaRefuseReason.TooFar;
    }

    /// <summary>Why the avatar may not receive the feed (an avatar's id) through the forwarder, or null when it may: the
    /// source is here, forwarded and within reach, or on another world's stage shown here (heard by everyone).</summary>
    private MediaRefuseReason? FeedRefusal(Avatar avatar, uint feed)
    {
        if (feed == avatar.Id) return MediaRefuseReason.UnknownPeer;
        if (_avatars.TryGetValue(feed, out var source))
            return !source.Forwarded ? MediaRefuseReason.NotForwarded : InReach(avatar, source) ? null : MediaRefuseReason.TooFar;
        return OnSharedStage(feed) ? null : MediaRefuseReason.UnknownPeer;
    }

    /// <summary>Within the hearing radius and a margin, so a connection negotiated at its edge is not cut halfway; anywhere
    /// in the world when either is amplified (the stage hears whoever it gave the microphone, and is heard by all).</summary>
    private bool InReach(Avatar a, Avatar b) => a.Amplified || b.Amplified || InReach(a.Position, b.Position);

    private bool InReach(PositionCm a, PositionCm b)
    {
        var reach = (long)_hearingRadiusCm * 5 / 4;
        return DistanceSquared(a, b) <= reach * reach;
    }

    /// <summary>Who hears <paramref name="center"/> and is heard by them: those within the hearing radius, and every
    /// amplified avatar; everyone, for an amplified one. Symmetric, as <see cref="ForwardedGroups"/> needs.</summary>
    private IEnumerable<Avatar> Hearing(Avatar center)
    {
        if (center.Amplified)
        {
            foreach (var other in _avatars.Values)
                if (other != center) yield return other;
            yield break;
        }
        var radiusSquared = (long)_hearingRadiusCm * _hearingRadiusCm;
        foreach (var other in AvatarsAround(center, _hearingPattern))
            if (other != center && !other.Amplified && DistanceSquared(other.Position, center.Position) <= radiusSquared) yield return other;
        foreach (var other in _amplifiedAvatars) yield return other;
    }

    /// <summary>A client's request to the forwarder, checked by the relay; without a forwarder the client is told so.</summary>
    private void Forward(WorldCommand.Forward forward)
    {
        if (forward.Session.Avatar is not { } avatar || !_avatars.ContainsKey(avatar.Id)) return;
        if (_forwarder is null)
            avatar.Session.Send(ServerFrames.Of(new ForwarderSignal
            {
                Feed = forward.Message.Feed, Kind = ForwarderSignalKind.Close, Reason = MediaRefuseReason.NoForwarder,
            }));
        else _forwarder.Request(avatar, forward.Message);
    }

    private IEnumerable<Avatar> AvatarsAround(Avatar center, ViewPattern pattern) => AvatarsAround(Grid.CellAt(center.CellIndex), pattern);

    private IEnumerable<Avatar> AvatarsAround(PositionCm at, ViewPattern pattern) => AvatarsAround(Grid.CellOf(at.X, at.Z), pattern);

    private IEnumerable<Avatar> AvatarsAround(GridCell origin, ViewPattern pattern)
    {
        foreach (var offset in pattern.OffsetArray)
        {
            var cell = new GridCell(origin.X + offset.X, origin.Z + offset.Z);
            if (!Grid.Contains(cell)) continue;
            foreach (var avatar in _local.In(Grid.IndexOf(cell))) yield return avatar;
        }
    }

    private static long DistanceSquared(PositionCm a, PositionCm b)
    {
        long dx = a.X - b.X, dy = a.Y - b.Y, dz = a.Z - b.Z;
        return dx * dx + dy * dy + dz * dz;
    }

    private sealed class BusInbox(ConcurrentQueue<WorldCellBatch> queue) : ICellBatchReceiver
    {
        public void Receive(WorldCellBatch batch) => queue.Enqueue(batch);
    }
}
