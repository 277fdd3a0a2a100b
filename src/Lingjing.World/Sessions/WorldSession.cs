using Google.Protobuf;
using Lingjing.World.Chat;
using Lingjing.World.Encoding;
using Lingjing.World.Media;
using Lingjing.World.Protocol;

namespace Lingjing.World.Sessions;

/// <summary>
/// One client connection. The transport calls <see cref="ReceiveFrame"/> for every binary message
/// (sequentially, from its receive loop) and <see cref="Disconnected"/> when the peer is gone.
/// Bad input closes this connection with a documented code; nothing is ever thrown to the caller.
/// </summary>
public sealed class WorldSession
{
    private const int AwaitingHello = 0, Joined = 1, Closed = 2;

    private readonly WorldNode _node;
    private readonly WorldOptions _options;
    private readonly TimeProvider _time;
    private readonly TokenBucket _inputRate, _chatRate, _emoteRate, _pingRate, _signalRate, _mediaStateRate, _strikes;
    private readonly object _inputGate = new();
    private Input? _pendingInput;
    private uint _lastInputSeq;
    private int _phase = AwaitingHello;
    private int _closeCode;
    private string? _closeReason;

    internal WorldSession(WorldNode node, long id, IWorldConnection connection, WorldUser user)
    {
        _node = node;
        _options = node.Options;
        _time = node.Time;
        Id = id;
        User = user;
        ConnectedAt = _time.GetTimestamp();
        Outbox = new ConnectionOutbox(connection, _time, node.Metrics, _options.MaxQueuedBytesPerConnection)
        {
            SendFailed = () => Close(WorldCloseCodes.Abnormal, "send failed", sendClose: false),
        };
        var o = _options;
        _inputRate = new TokenBucket(_time, o.InputBurst, o.InputPerSecond);
        _chatRate = new TokenBucket(_time, o.ChatBurst, o.ChatPerMinute / 60.0);
        _emoteRate = new TokenBucket(_time, o.EmoteBurst, o.EmotePerSecond);
        _pingRate = new TokenBucket(_time, o.PingBurst, o.PingPerSecond);
        _signalRate = new TokenBucket(_time, o.SignalBurst, o.SignalPerSecond);
        _mediaStateRate = new TokenBucket(_time, o.MediaStateBurst, o.MediaStatePerSecond);
        _strikes = new TokenBucket(_time, o.StrikeBurst, o.StrikesForgivenPerSecond);
    }

    public long Id { get; }
    public WorldUser User { get; }

    /// <summary>The world this session joined (after a valid Hello).</summary>
    public VirtualWorld? World { get; private set; }

    /// <summary>The user's standing in <see cref="World"/>, decided at Hello.</summary>
    public WorldAccess Access { get; private set; } = WorldAccess.Guest;

    /// <summary>The avatar id once the world has welcomed the session, else 0.</summary>
    public uint AvatarId => Avatar?.Id ?? 0;

    public bool IsClosed => Volatile.Read(ref _phase) == Closed;

    /// <summary>The close code once closed (1006 when the peer vanished).</summary>
    public int? CloseCode => IsClosed ? _closeCode : null;
    public string? CloseReason => IsClosed ? _closeReason : null;

    /// <summary>Completes when the session is closed and its close handshake (if any) has been sent.</summary>
    public Task Completion => Outbox.Closed;

    internal long ConnectedAt { get; }
    internal ConnectionOutbox Outbox { get; }
    internal SessionView View { get; } = new();
    internal Avatar? Avatar { get; set; }

    /// <summary>Where a reconnecting client says it stood (its node may have gone down); it joins there.</summary>
    internal PositionCm? ResumeAt { get; private set; }

    /// <summary>Handles one binary frame from the client.</summary>
    public void ReceiveFrame(ReadOnlySpan<byte> frame)
    {
        if (IsClosed) return;
        _node.Metrics.FrameReceived();
        try
        {
            Handle(frame);
        }
        catch (Exception)
        {
            // A bug of ours must cost one connection, not the server.
            Close(WorldCloseCodes.InternalError, "internal error");
        }
    }

    /// <summary>
    /// The client's message exceeded Options.MaxSignalFrameBytes (the largest frame of the protocol); the
    /// transport should stop reading it at that size instead of buffering the rest, and call this.
    /// </summary>
    public void ReceiveOversizedFrame() =>
        Close(WorldCloseCodes.FrameTooBig, $"frame larger than {_options.MaxSignalFrameBytes} bytes");

    /// <summary>The client sent a text frame: the protocol is binary only.</summary>
    public void ReceiveTextFrame() => Close(WorldCloseCodes.UnsupportedData, "binary frames only");

    /// <summary>The transport lost the peer (or the peer closed); no close frame is sent back.</summary>
    public void Disconnected() => Close(WorldCloseCodes.Abnormal, "disconnected", sendClose: false);

    /// <summary>Closes the connection with a code and reason; idempotent and thread-safe.</summary>
    public void Close(int code, string reason) => Close(code, reason, sendClose: true);

    internal void Close(int code, string reason, bool sendClose, bool flush = false)
    {
        int previous;
        lock (_inputGate)
        {
            previous = _phase;
            if (previous == Closed) return;
            _closeCode = code;
            _closeReason = reason;
            Volatile.Write(ref _phase, Closed);
        }
        Outbox.Close(code, reason, sendClose, flush);
        if (previous == Joined) World?.Enqueue(new WorldCommand.Leave(this));
        _node.SessionClosed(this, code);
    }

    /// <summary>Sends Kicked and closes after it (operator removal, replacement).</summary>
    internal void Kick(int code, string reason)
    {
        Send(ServerFrames.Of(new Kicked { Reason = reason }));
        Close(code, reason, sendClose: true, flush: true);
    }

    internal void Send(byte[] frame)
    {
        if (!Outbox.Enqueue(OutboundFrame.Shared(frame, _time.GetTimestamp())))
            Close(WorldCloseCodes.TooSlow, "client too slow");
    }

    internal void SendSnapshot(byte[] rentedBuffer, int length)
    {
        if (!Outbox.Enqueue(OutboundFrame.RentedSnapshot(rentedBuffer, length, _time.GetTimestamp())))
            Close(WorldCloseCodes.TooSlow, "client too slow");
    }

    internal Input? TakeInput()
    {
        lock (_inputGate)
        {
            var input = _pendingInput;
            _pendingInput = null;
            return input;
        }
    }

    private void Handle(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _options.MaxSignalFrameBytes)
        {
            Close(WorldCloseCodes.FrameTooBig, $"frame larger than {_options.MaxSignalFrameBytes} bytes");
            return;
        }
        if (bytes.IsEmpty)
        {
            Close(WorldCloseCodes.MalformedFrame, "empty frame");
            return;
        }
        ClientFrame frame;
        try
        {
            frame = ClientFrame.Parser.ParseFrom(bytes);
        }
        catch (Exception ex)
        {
            // The parser only reads bytes, so whatever it throws is the frame's fault: a length prefix
            // past the end of the frame can surface as an overflow or index error rather than its own exception type.
            Close(WorldCloseCodes.MalformedFrame, ex is InvalidProtocolBufferException ? "malformed frame" : "malformed frame: absurd length or field");
            return;
        }
        // Only media signals carry session descriptions; every other message is small.
        if (bytes.Length > _options.MaxClientFrameBytes
            && frame.BodyCase is not (ClientFrame.BodyOneofCase.MediaSignal or ClientFrame.BodyOneofCase.ForwarderSignal))
        {
            Close(WorldCloseCodes.FrameTooBig, $"frame larger than {_options.MaxClientFrameBytes} bytes");
            return;
        }

        switch (frame.BodyCase)
        {
            case ClientFrame.BodyOneofCase.Hello: OnHello(frame.Hello); break;
            case ClientFrame.BodyOneofCase.Input: OnInput(frame.Input); break;
            case ClientFrame.BodyOneofCase.Chat: OnChat(frame.Chat); break;
            case ClientFrame.BodyOneofCase.Emote: OnEmote(frame.Emote); break;
            case ClientFrame.BodyOneofCase.Ping: OnPing(frame.Ping); break;
            case ClientFrame.BodyOneofCase.MediaState: OnMediaState(frame.MediaState); break;
            case ClientFrame.BodyOneofCase.MediaSignal: OnMediaSignal(frame.MediaSignal); break;
            case ClientFrame.BodyOneofCase.ForwarderSignal: OnForwarderSignal(frame.ForwarderSignal); break;
            default: Close(WorldCloseCodes.MalformedFrame, "unknown message"); break;
        }
    }

    private void OnHello(Hello hello)
    {
        if (Volatile.Read(ref _phase) != AwaitingHello)
        {
            Close(WorldCloseCodes.OutOfOrder, "hello sent twice");
            return;
        }
        if (hello.ProtocolVersion != WorldOptions.ProtocolVersion)
        {
            Close(WorldCloseCodes.HelloRejected, $"unsupported protocol version; this server speaks {WorldOptions.ProtocolVersion}");
            return;
        }
        var world = _node.FindWorld(hello.WorldId);
        if (world is null)
        {
            Close(WorldCloseCodes.HelloRejected, "unknown world");
            return;
        }
        if (_node.IsBannedEverywhere(User.UserId))
        {
            Close(WorldCloseCodes.Removed, "barred from every world of the zone");
            return;
        }
        if (world.IsBanned(User.UserId))
        {
            Close(WorldCloseCodes.Removed, "removed from this world");
            return;
        }
        var access = User.AccessFor(world.Id);
        if (access == WorldAccess.Guest && !world.Definition.AllowGuests)
        {
            Close(WorldCloseCodes.NotAdmitted, "this world admits its members and invited guests only");
            return;
        }
        lock (_inputGate)
        {
            if (_phase != AwaitingHello) return;
            World = world;
            Access = access;
            ResumeAt = hello.ResumeAt is { } at ? new PositionCm(at.X, at.Y, at.Z) : null;
            _phase = Joined;
        }
        _node.HelloReceived(this);
        world.Enqueue(new WorldCommand.Join(this));
    }

    private bool RequireJoined(string what)
    {
        if (Volatile.Read(ref _phase) == Joined) return true;
        Close(WorldCloseCodes.OutOfOrder, $"{what} before hello");
        return false;
    }

    private void OnInput(Input input)
    {
        if (!RequireJoined("input")) return;
        if (input.Heading > ushort.MaxValue || !Enum.IsDefined(input.State))
        {
            Close(WorldCloseCodes.MalformedFrame, "input out of range");
            return;
        }
        if (input.Seq <= _lastInputSeq)
        {
            Close(WorldCloseCodes.OutOfOrder, "input sequence must increase");
            return;
        }
        _lastInputSeq = input.Seq;
        if (!_inputRate.TryTake())
        {
            Strike();
            return;
        }
        lock (_inputGate) _pendingInput = input; // only the newest input matters at the next tick
    }

    private void OnChat(ChatSend chat)
    {
        if (!RequireJoined("chat")) return;
        if (!Enum.IsDefined(chat.Scope))
        {
            Close(WorldCloseCodes.MalformedFrame, "unknown chat scope");
            return;
        }
        var world = World!;
        if (world.MutedUntil(User.UserId) is { } until)
        {
            Send(ServerFrames.Of(new Muted { UntilMs = (ulong)until.ToUnixTimeMilliseconds(), Reason = "muted by an operator" }));
            return;
        }
        if (!_chatRate.TryTake())
        {
            var retry = (uint)Math.Ceiling(_chatRate.RetryAfter().TotalMilliseconds);
            Send(ServerFrames.Of(new ChatRejected { Reason = ChatRejectReason.TooFast, RetryAfterMs = retry }));
            Strike();
            return;
        }
        if (chat.Text.Length > _options.MaxChatChars)
        {
            Send(ServerFrames.Of(new ChatRejected { Reason = ChatRejectReason.TooLong }));
            return;
        }
        var text = ChatText.Sanitize(chat.Text);
        if (text.Length == 0)
        {
            Send(ServerFrames.Of(new ChatRejected { Reason = ChatRejectReason.Empty }));
            return;
        }
        world.Enqueue(new WorldCommand.Chat(this, chat.Scope, text));
    }

    private void OnEmote(EmoteSend emote)
    {
        if (!RequireJoined("emote")) return;
        if (emote.Emote < 1 || emote.Emote > _options.MaxEmote)
        {
            Close(WorldCloseCodes.MalformedFrame, "unknown emote");
            return;
        }
        if (!_emoteRate.TryTake())
        {
            Strike();
            return;
        }
        World!.Enqueue(new WorldCommand.Emote(this, emote.Emote));
    }

    private void OnPing(Ping ping)
    {
        if (!_pingRate.TryTake())
        {
            Strike();
            return;
        }
        Send(ServerFrames.Of(new Pong
        {
            ClientTimeMs = ping.ClientTimeMs,
            ServerTimeMs = (ulong)_time.GetUtcNow().ToUnixTimeMilliseconds(),
        }));
    }

    private void OnMediaState(MediaState state)
    {
        if (!RequireJoined("media state")) return;
        if (!_mediaStateRate.TryTake())
        {
            Strike();
            return;
        }
        World!.Enqueue(new WorldCommand.Media(this, state));
    }

    private void OnMediaSignal(MediaSignal signal)
    {
        if (!RequireJoined("media signal")) return;
        var needsSdp = signal.Kind is MediaSignalKind.Offer or MediaSignalKind.Answer;
        if (signal.Kind == MediaSignalKind.Unspecified || !Enum.IsDefined(signal.Kind) || signal.Peer == 0 || needsSdp && signal.Sdp.Length == 0)
        {
            Close(WorldCloseCodes.MalformedFrame, "media signal without a peer, a kind or its session description");
            return;
        }
        if (!_signalRate.TryTake())
        {
            Send(ServerFrames.Of(new MediaRefused { Peer = signal.Peer, Reason = MediaRefuseReason.TooFast }));
            Strike();
            return;
        }
        World!.Enqueue(new WorldCommand.Signal(this, signal));
    }

    private void OnForwarderSignal(ForwarderSignal signal)
    {
        if (!RequireJoined("forwarder signal")) return;
        var kind = signal.Kind;
        var needsSdp = kind is ForwarderSignalKind.Publish or ForwarderSignalKind.Answer or ForwarderSignalKind.Mix;
        var needsFeed = kind is ForwarderSignalKind.Subscribe or ForwarderSignalKind.Answer;
        if (kind == ForwarderSignalKind.Unspecified || !Enum.IsDefined(kind) || needsSdp && signal.Sdp.Length == 0 || needsFeed && signal.Feed == 0
            || kind == ForwarderSignalKind.Publish && signal.Feed != 0 || kind == ForwarderSignalKind.Mix && signal.Feed is not (ForwarderFeeds.Sending or ForwarderFeeds.Mix)
            || signal.Tracks.Count > 8)
        {
            Close(WorldCloseCodes.MalformedFrame, "forwarder signal without a kind, a feed or its session description");
            return;
        }
        if (!_signalRate.TryTake())
        {
            Send(ServerFrames.Of(new ForwarderSignal { Feed = signal.Feed, Kind = ForwarderSignalKind.Close, Reason = MediaRefuseReason.TooFast }));
            Strike();
            return;
        }
        World!.Enqueue(new WorldCommand.Forward(this, signal));
    }

    // Throttled messages are dropped; a client that keeps flooding runs out of strikes and is closed.
    private void Strike()
    {
        if (!_strikes.TryTake()) Close(WorldCloseCodes.RateLimited, "rate limit exceeded");
    }
}
