using System.Collections.Concurrent;
using Lingjing.World.Bus;
using Lingjing.World.Bus.Wire;
using Lingjing.World.Encoding;
using Lingjing.World.Protocol;

namespace Lingjing.World;

/// <summary>
/// The part of a world that other nodes hold: who is there (their profiles, for name tags and distinct
/// names), their chat, emotes and media signals, and moderation decided on another node. Their positions
/// arrive as cell batches (<see cref="Grid.PublishedCells"/>). Events are applied at the start of a tick,
/// before the cells of the same tick, so a newcomer's profile is known when its first cell is composed.
/// </summary>
public sealed partial class VirtualWorld
{
    private readonly ConcurrentQueue<BusEvent> _events = new();
    private readonly Dictionary<uint, RemoteAvatar> _remote = new();
    private readonly IDisposable _eventSubscription;

    /// <summary>Avatars other nodes hold in this world (tick thread, or as an estimate).</summary>
    public int RemotePopulation => Volatile.Read(ref _remotePopulation);
    private int _remotePopulation;

    private sealed record RemoteAvatar(AvatarProfile Profile, string UserId, string Origin);

    private AvatarProfile? ProfileOf(uint id) =>
        _avatars.TryGetValue(id, out var local) ? local.Profile
        : _remote.TryGetValue(id, out var remote) ? remote.Profile
        : _stageProfiles.GetValueOrDefault(id);

    private void DrainEvents()
    {
        while (_events.TryDequeue(out var message))
        {
            switch (message.BodyCase)
            {
                case BusEvent.BodyOneofCase.Arrived: RemoteArrived(message.Origin, message.Arrived); break;
                case BusEvent.BodyOneofCase.Departed: RemoteDeparted(message.Departed.AvatarId); break;
                case BusEvent.BodyOneofCase.Chat: RemoteChat(message.Chat); break;
                case BusEvent.BodyOneofCase.Emote: RemoteEmote(message.Emote); break;
                case BusEvent.BodyOneofCase.Signal: RemoteSignal(message.Origin, message.Signal); break;
                case BusEvent.BodyOneofCase.SignalRefused: RemoteSignalRefused(message.SignalRefused); break;
                case BusEvent.BodyOneofCase.Moderation: RemoteModeration(message.Moderation); break;
            }
        }
        Volatile.Write(ref _remotePopulation, _remote.Count);
    }

    private void RemoteArrived(string origin, AvatarArrived arrived)
    {
        var profile = arrived.Profile;
        if (_avatars.ContainsKey(profile.Id)) return;
        if (_remote.TryGetValue(profile.Id, out var known)) _namesInUse.Remove(known.Profile.DisplayName);
        _remote[profile.Id] = new RemoteAvatar(profile, arrived.UserId, origin);
        _namesInUse.Add(profile.DisplayName);
        // The person connected again through another node: this older connection gives way.
        if (!arrived.Replay && _byUser.TryGetValue(arrived.UserId, out var older))
            older.Kick(WorldCloseCodes.Replaced, "replaced by a newer connection");
    }

    private void RemoteDeparted(uint avatarId)
    {
        if (!_remote.Remove(avatarId, out var gone)) return;
        _namesInUse.Remove(gone.Profile.DisplayName);
        _leftThisTick.Add(avatarId);
    }

    private void RemoteChat(ChatSpoken spoken)
    {
        var message = spoken.Message;
        if (message.Scope == ChatScope.World)
        {
            if (spoken.Replay)
            {
                // The history given again after the owner moved: kept once, not shown again.
                if (!_history.Contains(message.Id)) _history.Add(message);
                return;
            }
            _history.Add(message);
            var frame = ServerFrames.Of(message);
            foreach (var session in _sessions) session.Send(frame);
            return;
        }
        var radiusSquared = (long)_options.ChatRadiusCm * _options.ChatRadiusCm;
        var at = PositionOf(spoken.At);
        var nearbyFrame = ServerFrames.Of(message);
        foreach (var listener in AvatarsAround(at, _chatPattern))
            if (DistanceSquared(listener.Position, at) <= radiusSquared) listener.Session.Send(nearbyFrame);
    }

    private void RemoteEmote(EmoteShown shown)
    {
        var frame = ServerFrames.Of(new EmotePlayed { AvatarId = shown.AvatarId, Emote = shown.Emote });
        var viewers = _options.InterestManagement ? AvatarsAround(PositionOf(shown.At), View) : _avatars.Values;
        foreach (var viewer in viewers) viewer.Session.Send(frame);
    }

    /// <summary>A signal from an avatar of another node to one of ours: the same checks as between two of ours,
    /// made here where the recipient's position and media are known.</summary>
    private void RemoteSignal(string origin, SignalSent sent)
    {
        var message = sent.Signal;
        if (!_avatars.TryGetValue(message.Peer, out var peer)) return; // for another node
        MediaRefuseReason? refusal = null;
        if (message.Kind != MediaSignalKind.HangUp)
        {
            if (((sent.SenderMedia | peer.Media) & (uint)MediaFlags.DoNotDisturb) != 0) refusal = MediaRefuseReason.DoNotDisturb;
            else if (!InReach(PositionOf(sent.At), peer.Position)) refusal = MediaRefuseReason.TooFar;
        }
        if (refusal is { } reason)
        {
            _bus.Publish(Event(new BusEvent { SignalRefused = new SignalRefused { Sender = sent.Sender, Peer = peer.Id, Reason = reason } }));
            return;
        }
        var down = message.Clone();
        down.Peer = sent.Sender;
        peer.Session.Send(ServerFrames.Of(down));
    }

    private void RemoteSignalRefused(SignalRefused refused)
    {
        if (_avatars.TryGetValue(refused.Sender, out var sender))
            sender.Session.Send(ServerFrames.Of(new MediaRefused { Peer = refused.Peer, Reason = refused.Reason }));
    }

    private void RemoteModeration(ModerationApplied moderation)
    {
        var until = DateTimeOffset.FromUnixTimeMilliseconds((long)moderation.UntilMs);
        if (moderation.Replay && (_mutedUntil.GetValueOrDefault(moderation.UserId) == until || _bannedUntil.GetValueOrDefault(moderation.UserId) == until))
            return; // known already: told again because the owner moved
        switch (moderation.Kind)
        {
            case ModerationKind.Mute: ApplyMute(moderation.UserId, until); break;
            case ModerationKind.Unmute: _mutedUntil.TryRemove(moderation.UserId, out _); break;
            case ModerationKind.Remove: ApplyRemoval(moderation.UserId, until); break;
        }
    }

    private void PublishArrival(Avatar avatar, string userId) =>
        _bus.Publish(Event(new BusEvent { Arrived = new AvatarArrived { Profile = avatar.Profile, UserId = userId } }));

    private void PublishDeparture(uint avatarId) =>
        _bus.Publish(Event(new BusEvent { Departed = new AvatarDeparted { AvatarId = avatarId } }));

    private void PublishChat(ChatMessage message, PositionCm at) =>
        _bus.Publish(Event(new BusEvent { Chat = new ChatSpoken { Message = message, At = Wire(at) } }));

    private void PublishEmote(Avatar avatar, uint emote) =>
        _bus.Publish(Event(new BusEvent { Emote = new EmoteShown { AvatarId = avatar.Id, Emote = emote, At = Wire(avatar.Position) } }));

    private void PublishSignal(Avatar sender, MediaSignal message) =>
        _bus.Publish(Event(new BusEvent
        {
            Signal = new SignalSent { Signal = message, Sender = sender.Id, SenderMedia = sender.Media, At = Wire(sender.Position) },
        }));

    private void PublishModeration(string userId, ModerationKind kind, DateTimeOffset until) =>
        _bus.Publish(Event(new BusEvent
        {
            Moderation = new ModerationApplied { UserId = userId, Kind = kind, UntilMs = (ulong)until.ToUnixTimeMilliseconds() },
        }));

    private BusEvent Event(BusEvent message)
    {
        message.WorldId = Id;
        message.Origin = _options.NodeId;
        return message;
    }

    private static Vec3 Wire(PositionCm at) => new() { X = at.X, Y = at.Y, Z = at.Z };

    private static PositionCm PositionOf(Vec3? at) => at is null ? default : new PositionCm(at.X, at.Y, at.Z);

    /// <summary>Queues the events of other nodes for the next tick; this node's own come back from the bus and are skipped.</summary>
    private sealed class EventInbox(ConcurrentQueue<BusEvent> queue, string nodeId) : IBusEventReceiver
    {
        public void Receive(BusEvent message)
        {
            if (message.Origin != nodeId) queue.Enqueue(message);
        }
    }
}
