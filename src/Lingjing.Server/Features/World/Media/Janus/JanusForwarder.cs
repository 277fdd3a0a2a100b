using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lingjing.World.Media;
using Lingjing.World.Protocol;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>
/// Carries forwarded groups' media through Janus's VideoRoom, and a mixing room's voices through its AudioBridge. The
/// world has already checked who may send and receive what; this turns each request into plugin requests: a publisher
/// joins its world's room with the token minted for it and publishes its offer; a subscriber receives one feed per
/// handle, which Janus only allows with its own private id; someone in a mixing room joins its mix, also with a token of
/// its own. Browsers exchange media with Janus, never requests.
/// </summary>
public sealed class JanusForwarder : ISelectiveForwarder, IDisposable
{
    internal const string VideoRoom = "janus.plugin.videoroom";
    internal const string AudioBridge = "janus.plugin.audiobridge";
    private static readonly TimeSpan FeedWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FeedPoll = TimeSpan.FromMilliseconds(250);
    /// <summary>People sending at once in one room: a hall's instances share one room, whose audience talks through it too.</summary>
    private const int MaxPublishers = 1_000;

    private readonly JanusGateway _gateway;
    private readonly JanusRooms _rooms;
    private readonly JanusRooms _mixes;
    private readonly ILogger<JanusForwarder> _logger;
    private readonly ConcurrentDictionary<(string World, uint Avatar), JanusParty> _parties = new();
    // Completed when a feed has published: a subscriber that asks a moment before waits for it.
    private readonly ConcurrentDictionary<(string World, uint Avatar), TaskCompletionSource> _published = new();

    public JanusForwarder(JanusGateway gateway, IOptions<MediaOptions> options, ILogger<JanusForwarder> logger, JanusRoomNaming? naming = null)
    {
        _gateway = gateway;
        var clusterKey = naming?.ClusterKey;
        _rooms = new JanusRooms(gateway, options.Value.JanusAdminKey, VideoRoom, (_, _) => new JsonObject
        {
            ["require_pvtid"] = true, // only someone who joined (and so was allowed) can subscribe
            ["publishers"] = MaxPublishers,
            ["bitrate"] = 1_200_000,
            ["audiocodec"] = "opus",
            ["videocodec"] = "vp8",
        }, clusterKey);
        // Full-band Opus for the mix, as each voice is sent.
        _mixes = new JanusRooms(gateway, options.Value.JanusAdminKey, AudioBridge, (_, _) => new JsonObject { ["sampling_rate"] = 48_000 }, clusterKey);
        _logger = logger;
        gateway.SessionLost += OnSessionLost;
    }

    public event Action<ForwarderParty, ForwarderSignal>? Closed;

    public void Dispose()
    {
        _rooms.Dispose();
        _mixes.Dispose();
    }

    public Task<ForwarderSignal?> HandleAsync(ForwarderParty party, ForwarderSignal request, CancellationToken cancellationToken)
    {
        var state = _parties.GetOrAdd((party.Room, party.AvatarId), _ => new JanusParty(party));
        // Waiting for a feed to publish happens outside the party's queue: its own publish must not wait behind it.
        if (request.Kind == ForwarderSignalKind.Subscribe)
            return SubscribeWhenPublishedAsync(state, request.Feed, cancellationToken);
        return state.Serialize(() => request.Kind switch
        {
            ForwarderSignalKind.Publish => PublishAsync(state, request, cancellationToken),
            ForwarderSignalKind.Mix => MixAsync(state, request, cancellationToken),
            ForwarderSignalKind.Answer => AnswerAsync(state, request, cancellationToken),
            ForwarderSignalKind.Candidate => TrickleAsync(state, request, cancellationToken),
            ForwarderSignalKind.Close when request.Feed == ForwarderFeeds.Mix => LeaveMixAsync(state),
            ForwarderSignalKind.Close => CloseAsync(state, request.Feed, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "not a request"),
        });
    }

    public Task SilenceAsync(ForwarderParty party, bool silenced, CancellationToken cancellationToken)
    {
        var state = _parties.GetOrAdd((party.Room, party.AvatarId), _ => new JanusParty(party));
        return state.Serialize(async () =>
        {
            state.MixSilenced = silenced;
            if (state is { Mix: not null, MixRoom: { } room }) await _mixes.SetMutedAsync(room, party.AvatarId, silenced, cancellationToken);
            return true;
        });
    }

    public Task LeaveAsync(ForwarderParty party, CancellationToken cancellationToken)
    {
        var key = (party.Room, party.AvatarId);
        _published.TryRemove(key, out _);
        if (!_parties.TryRemove(key, out var state)) return Task.CompletedTask;
        return state.Serialize(async () =>
        {
            foreach (var handle in state.Subscriptions.Values) await DetachQuietlyAsync(handle);
            await LeaveMixAsync(state);
            if (state.Publisher is { } publisher) await DetachQuietlyAsync(publisher);
            if (state is { Room: { } room, Token: { } token })
                await Quietly(() => _rooms.DisallowAsync(room, token, CancellationToken.None), "take a token off the allowed list");
            state.Reset();
            return true;
        });
    }

    private async Task<ForwarderSignal?> PublishAsync(JanusParty state, ForwarderSignal request, CancellationToken cancellationToken)
    {
        var publisher = await JoinAsync(state, cancellationToken);
        var descriptions = request.Tracks.Select(t => new { mid = t.Mid, description = t.Kind.ToString().ToLowerInvariant() }).ToArray();
        var configured = await publisher.MessageAsync(
            new { request = state.Publishing ? "configure" : "publish", audiocodec = "opus", videocodec = "vp8", descriptions },
            new JanusJsep("offer", request.Sdp), cancellationToken);
        var answer = configured.Jsep ?? throw new JanusException(0, "Janus answered the offer without a session description");
        state.Publishing = true;
        state.PublishedTracks.Clear();
        foreach (var track in request.Tracks) state.PublishedTracks[track.Mid] = track.Kind;
        // Janus offers a feed to subscribers only once its connection is up ("webrtcup", see OnHandleEvent).
        return new ForwarderSignal { Kind = ForwarderSignalKind.Publish, Sdp = answer.Sdp };
    }

    /// <summary>Joins the room's voice mix with a token minted for this party and the browser's offer (one sendrecv audio
    /// line); returns Janus's answer. A second offer replaces the first connection.</summary>
    private async Task<ForwarderSignal?> MixAsync(JanusParty state, ForwarderSignal request, CancellationToken cancellationToken)
    {
        await LeaveMixAsync(state);
        var room = await _mixes.RoomOfAsync(state.Who.Room, cancellationToken);
        var token = await _mixes.AllowAsync(room, cancellationToken);
        var handle = await _gateway.AttachAsync(AudioBridge, cancellationToken);
        try
        {
            await handle.MessageAsync(new
            {
                request = "join",
                room = room.Number,
                id = (long)state.Who.AvatarId,
                display = state.Who.DisplayName,
                token,
                muted = state.MixSilenced,
            }, null, cancellationToken);
            var configured = await handle.MessageAsync(new { request = "configure", muted = state.MixSilenced }, new JanusJsep("offer", request.Sdp), cancellationToken);
            var answer = configured.Jsep ?? throw new JanusException(0, "Janus answered the mix offer without a session description");
            (state.Mix, state.MixRoom, state.MixToken) = (handle, room, token);
            handle.Unsolicited += e => OnHandleEvent(state, ForwarderFeeds.Mix, e);
            return new ForwarderSignal { Kind = ForwarderSignalKind.Mix, Feed = ForwarderFeeds.Mix, Sdp = answer.Sdp };
        }
        catch
        {
            await DetachQuietlyAsync(handle);
            await Quietly(() => _mixes.DisallowAsync(room, token, CancellationToken.None), "take a token off the mix's allowed list");
            throw;
        }
    }

    private async Task<ForwarderSignal?> LeaveMixAsync(JanusParty state)
    {
        if (state is { Mix: { } mix, MixRoom: { } room, MixToken: { } token })
        {
            (state.Mix, state.MixRoom, state.MixToken) = (null, null, null);
            await DetachQuietlyAsync(mix);
            await Quietly(() => _mixes.DisallowAsync(room, token, CancellationToken.None), "take a token off the mix's allowed list");
        }
        return null;
    }

    private async Task<ForwarderSignal?> SubscribeWhenPublishedAsync(JanusParty state, uint feed, CancellationToken cancellationToken)
    {
        await FeedPublishedAsync(state.Who.Room, feed, cancellationToken);
        return await state.Serialize(() => SubscribeAsync(state, feed, cancellationToken));
    }

    private async Task<ForwarderSignal?> SubscribeAsync(JanusParty state, uint feed, CancellationToken cancellationToken)
    {
        if (state.Subscriptions.Remove(feed, out var previous)) await DetachQuietlyAsync(previous);
        await JoinAsync(state, cancellationToken);
        var handle = await _gateway.AttachAsync(VideoRoom, cancellationToken);
        try
        {
            var attached = await handle.MessageAsync(new
            {
                request = "join",
                ptype = "subscriber",
                room = state.Room!.Number,
                private_id = state.PrivateId,
                streams = new[] { new { feed = (long)feed } },
                use_msid = false,
                autoupdate = false,
            }, null, cancellationToken);
            var offer = attached.Jsep ?? throw new JanusException(0, "Janus offered a subscription without a session description");
            state.Subscriptions[feed] = handle;
            handle.Unsolicited += e => OnHandleEvent(state, feed, e);
            var reply = new ForwarderSignal { Kind = ForwarderSignalKind.Subscribe, Feed = feed, Sdp = offer.Sdp };
            reply.Tracks.AddRange(Tracks(attached.Data, feed, state.Who.Room));
            return reply;
        }
        catch
        {
            await DetachQuietlyAsync(handle);
            throw;
        }
    }

    private static async Task<ForwarderSignal?> AnswerAsync(JanusParty state, ForwarderSignal request, CancellationToken cancellationToken)
    {
        if (state.Subscriptions.TryGetValue(request.Feed, out var handle))
            await handle.MessageAsync(new { request = "start" }, new JanusJsep("answer", request.Sdp), cancellationToken);
        return null;
    }

    private static async Task<ForwarderSignal?> TrickleAsync(JanusParty state, ForwarderSignal request, CancellationToken cancellationToken)
    {
        var handle = request.Feed switch
        {
            ForwarderFeeds.Sending => state.Publisher,
            ForwarderFeeds.Mix => state.Mix,
            _ => state.Subscriptions.GetValueOrDefault(request.Feed),
        };
        if (handle is not null) await handle.TrickleAsync(request.Candidate.Length == 0 ? null : request.Candidate, cancellationToken);
        return null;
    }

    private async Task<ForwarderSignal?> CloseAsync(JanusParty state, uint feed, CancellationToken cancellationToken)
    {
        if (feed != 0)
        {
            if (state.Subscriptions.Remove(feed, out var handle)) await DetachQuietlyAsync(handle);
            return null;
        }
        if (state is { Publishing: true, Publisher: { } publisher })
        {
            state.Publishing = false;
            _published.TryRemove((state.Who.Room, state.Who.AvatarId), out _);
            await Quietly(() => publisher.MessageAsync(new { request = "unpublish" }, null, cancellationToken), "unpublish");
        }
        return null;
    }

    /// <summary>Joins the world's room as a publisher (sending nothing yet) with a token minted for this party.</summary>
    private async Task<JanusHandle> JoinAsync(JanusParty state, CancellationToken cancellationToken)
    {
        if (state.Publisher is { } joined) return joined;
        var room = await _rooms.RoomOfAsync(state.Who.Room, cancellationToken);
        var token = await _rooms.AllowAsync(room, cancellationToken);
        var handle = await _gateway.AttachAsync(VideoRoom, cancellationToken);
        try
        {
            var welcome = await handle.MessageAsync(new
            {
                request = "join",
                ptype = "publisher",
                room = room.Number,
                id = (long)state.Who.AvatarId,
                display = state.Who.DisplayName,
                token,
            }, null, cancellationToken);
            state.PrivateId = welcome.Data.GetProperty("private_id").GetInt64();
        }
        catch
        {
            await DetachQuietlyAsync(handle);
            await Quietly(() => _rooms.DisallowAsync(room, token, CancellationToken.None), "take a token off the allowed list");
            throw;
        }
        (state.Room, state.Token, state.Publisher) = (room, token, handle);
        handle.Unsolicited += e => OnHandleEvent(state, 0, e);
        return handle;
    }

    /// <summary>Waits until the feed publishes: one published through this node says so at once; one published through
    /// another node (a shared stage's speaker connected elsewhere) is looked for in the room's participants.</summary>
    private async Task FeedPublishedAsync(string roomName, uint feed, CancellationToken cancellationToken)
    {
        var key = (roomName, feed);
        var signal = _published.GetOrAdd(key, _ => NewSignal());
        var started = TimeProvider.System.GetTimestamp();
        while (!signal.Task.IsCompleted)
        {
            if (!_parties.ContainsKey(key) && await _rooms.PublishesAsync(await _rooms.RoomOfAsync(roomName, cancellationToken), feed, cancellationToken))
                return;
            if (TimeProvider.System.GetElapsedTime(started) >= FeedWait)
            {
                _published.TryRemove(new KeyValuePair<(string, uint), TaskCompletionSource>(key, signal));
                throw new JanusException(0, $"feed {feed} did not publish within {FeedWait.TotalSeconds:0} s");
            }
            await Task.WhenAny(signal.Task, Task.Delay(FeedPoll, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Which of the subscription's media lines carries the feed's audio, camera or screen: as its publisher
    /// said when it published through this node, or else as the description it published with (through another node).</summary>
    private IEnumerable<MediaTrack> Tracks(JsonElement attached, uint feed, string roomName)
    {
        if (!attached.TryGetProperty("streams", out var streams)) yield break;
        var published = _parties.TryGetValue((roomName, feed), out var source) ? source.PublishedTracks : [];
        foreach (var stream in streams.EnumerateArray())
        {
            if (!stream.TryGetProperty("mid", out var mid) || !stream.TryGetProperty("feed_mid", out var feedMid)) continue;
            if (published.TryGetValue(feedMid.GetString() ?? "", out var kind)
                || (stream.TryGetProperty("feed_description", out var description)
                    && Enum.TryParse(description.GetString(), ignoreCase: true, out kind) && kind != MediaTrackKind.Unspecified))
                yield return new MediaTrack { Mid = mid.GetString() ?? "", Kind = kind };
        }
    }

    /// <summary>A publisher's connection is up: subscribers waiting for it go ahead. Janus hung up a connection by itself
    /// (ICE failed, the browser went away): the client is told and tries again.</summary>
    private void OnHandleEvent(JanusParty state, uint feed, JanusEvent e)
    {
        if (feed == 0 && e.Janus == "webrtcup")
            _published.GetOrAdd((state.Who.Room, state.Who.AvatarId), _ => NewSignal()).TrySetResult();
        if (e.Janus is not ("hangup" or "detached")) return;
        _ = state.Serialize(async () =>
        {
            JanusHandle? handle = null;
            var stillOpen = feed switch
            {
                ForwarderFeeds.Sending => state.Publishing,
                ForwarderFeeds.Mix => state.Mix is not null,
                _ => state.Subscriptions.Remove(feed, out handle),
            };
            if (feed == ForwarderFeeds.Sending) state.Publishing = false;
            if (feed == ForwarderFeeds.Mix) await LeaveMixAsync(state);
            if (handle is not null) await DetachQuietlyAsync(handle);
            if (stillOpen) Closed?.Invoke(state.Who, Close(feed));
            return true;
        });
    }

    /// <summary>Janus restarted or dropped our session: every handle is gone, so every client with an open connection starts over.</summary>
    private void OnSessionLost()
    {
        _logger.LogWarning("Janus lost Lingjing's session: {Parties} people's forwarded media starts over", _parties.Count);
        _rooms.SessionLost();
        _mixes.SessionLost();
        _published.Clear();
        foreach (var state in _parties.Values)
            _ = state.Serialize(() =>
            {
                foreach (var feed in state.Reset()) Closed?.Invoke(state.Who, Close(feed));
                return Task.FromResult(true);
            });
    }

    private static ForwarderSignal Close(uint feed) =>
        new() { Feed = feed, Kind = ForwarderSignalKind.Close, Reason = MediaRefuseReason.ForwarderFailed };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task DetachQuietlyAsync(JanusHandle handle) => Quietly(() => handle.DetachAsync(CancellationToken.None), "detach a handle");

    /// <summary>Cleaning up after someone who left: a failure is logged, never passed on.</summary>
    private async Task Quietly(Func<Task> work, string what)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is JanusException or HttpRequestException or TaskCanceledException)
        {
            _logger.LogDebug(ex, "Janus: could not {What}", what);
        }
    }
}
