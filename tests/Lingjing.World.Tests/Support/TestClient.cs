using Google.Protobuf;
using Lingjing.World.Protocol;
using Lingjing.World.Sessions;

namespace Lingjing.World.Tests.Support;

/// <summary>One simulated client: its fake connection, its session and its mirror of the world.</summary>
public sealed class TestClient
{
    private uint _seq;
    private int _applied;

    public TestClient(WorldSession session, FakeConnection connection)
    {
        Session = session;
        Connection = connection;
    }

    public WorldSession Session { get; }
    public FakeConnection Connection { get; }
    public ClientMirror Mirror { get; } = new();
    public uint AvatarId => Session.AvatarId;

    public void Send(ClientFrame frame) => Session.ReceiveFrame(frame.ToByteArray());

    public void Hello(string worldId, uint version = 1) =>
        Send(new ClientFrame { Hello = new Hello { WorldId = worldId, ProtocolVersion = version } });

    public void Move(int x, int z, int y = 0, uint heading = 0, MovementState state = MovementState.Walking) =>
        Send(new ClientFrame { Input = new Input { Seq = ++_seq, X = x, Y = y, Z = z, Heading = heading, State = state } });

    public void Chat(string text, ChatScope scope = ChatScope.Nearby) =>
        Send(new ClientFrame { Chat = new ChatSend { Text = text, Scope = scope } });

    public void Media(bool microphone = false, bool camera = false, bool screen = false, bool speaking = false, bool doNotDisturb = false) =>
        Send(new ClientFrame { MediaState = new MediaState { Microphone = microphone, Camera = camera, Screen = screen, Speaking = speaking, DoNotDisturb = doNotDisturb } });

    public void Signal(uint peer, MediaSignalKind kind, string sdp = "", string candidate = "") =>
        Send(new ClientFrame { MediaSignal = new MediaSignal { Peer = peer, Kind = kind, Sdp = sdp, Candidate = candidate } });

    public IReadOnlyList<MediaSignal> SignalsReceived() => Connection.Received(f => f.MediaSignal).ToList();

    public void Forward(ForwarderSignalKind kind, uint feed = 0, string sdp = "", string candidate = "") =>
        Send(new ClientFrame { ForwarderSignal = new ForwarderSignal { Feed = feed, Kind = kind, Sdp = sdp, Candidate = candidate } });

    public IReadOnlyList<ForwarderSignal> ForwarderSignalsReceived() => Connection.Received(f => f.ForwarderSignal).ToList();

    public IReadOnlyList<MediaRefused> RefusalsReceived() => Connection.Received(f => f.MediaRefused).ToList();

    /// <summary>Applies frames received since the last call to the mirror.</summary>
    public ClientMirror Sync()
    {
        var frames = Connection.Frames;
        for (; _applied < frames.Count; _applied++) Mirror.Apply(frames[_applied]);
        return Mirror;
    }

    public IReadOnlyList<ChatMessage> ChatsReceived() => Connection.Received(f => f.Chat).ToList();
}
