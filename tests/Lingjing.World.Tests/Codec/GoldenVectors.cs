using Google.Protobuf;
using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Codec;

/// <summary>
/// The golden frames in docs/protocol/golden: one binary frame and its proto3-JSON description each.
/// The TypeScript client decodes the same files and must reach the same JSON.
/// </summary>
public static class GoldenVectors
{
    public sealed record Vector(string Name, string Description, IMessage Message, byte[] Bytes)
    {
        public string MessageType => Message.Descriptor.FullName;
    }

    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lingjing.slnx"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("Repository root (Lingjing.slnx) not found.");
            return Path.Combine(dir.FullName, "docs", "protocol", "golden");
        }
    }

    public static IReadOnlyList<Vector> Build()
    {
        var vectors = new List<Vector>();
        void Client(string name, string description, ClientFrame frame) =>
            vectors.Add(new Vector(name, description, frame, frame.ToByteArray()));
        void Server(string name, string description, ServerFrame frame) =>
            vectors.Add(new Vector(name, description, frame, frame.ToByteArray()));

        Client("client-hello", "Hello joining world park-7 with protocol version 1",
            new ClientFrame { Hello = new Hello { WorldId = "park-7", ProtocolVersion = 1 } });
        Client("client-input", "Input with negative coordinates (zigzag sint32), the largest heading and a movement state",
            new ClientFrame { Input = new Input { Seq = 300, ClientTimeMs = 123_456_789, X = -150, Y = 35, Z = 2_000_000, Heading = 65_535, State = MovementState.Running } });
        Client("client-input-idle-origin", "Input whose fields are all defaults except seq (defaults are omitted on the wire)",
            new ClientFrame { Input = new Input { Seq = 1 } });
        Client("client-chat-nearby", "Nearby chat with Chinese text and an emoji (UTF-8)",
            new ClientFrame { Chat = new ChatSend { Scope = ChatScope.Nearby, Text = "你好，灵境 👋" } });
        Client("client-chat-world", "World (park-wide) chat",
            new ClientFrame { Chat = new ChatSend { Scope = ChatScope.World, Text = "Exhibition opens at 10:00 in hall B" } });
        Client("client-emote", "Emote number 3", new ClientFrame { Emote = new EmoteSend { Emote = 3 } });
        Client("client-ping", "Ping with the client's clock", new ClientFrame { Ping = new Ping { ClientTimeMs = 4_000_000_000 } });

        var look = new AvatarLook { Model = "standard-f", BodyColor = 0xE0B090, OutfitColor = 0x2050C0, Accessory = 2 };
        Server("server-welcome", "Welcome with bounds, spawn, rates and limits",
            new ServerFrame
            {
                Welcome = new Welcome
                {
                    AvatarId = 17, WorldId = "park-7", ProtocolVersion = 1, TickRateHz = 10, ViewRadiusCm = 5_000, CellSizeCm = 2_000,
                    Bounds = new Bounds { MinX = -20_000, MinY = -500, MinZ = 0, MaxX = 180_000, MaxY = 10_000, MaxZ = 150_000 },
                    Spawn = new Vec3 { X = 1_000, Y = 0, Z = -1 }, MaxSpeedCmPerS = 1_200, ServerTimeMs = 1_748_764_800_000,
                    Population = 42, ChatRadiusCm = 2_000, InterestManagement = true,
                    Limits = new Limits { MaxFrameBytes = 2_048, MaxChatChars = 280, InputPerSecond = 30, InputBurst = 60, ChatPerMinute = 20, ChatBurst = 5, MaxEmote = 16 },
                },
            });
        Server("server-snapshot-engine", "A delta snapshot exactly as the engine composes it: header, then per-cell fragments concatenated", EngineSnapshot());
        Server("server-snapshot-full-removed", "A full snapshot that also lists removed cells and an empty cell batch",
            new ServerFrame
            {
                Snapshot = new Snapshot
                {
                    Tick = 4_294_967_295, ServerTimeMs = 1_748_764_800_100, AckInputSeq = 9, Full = true,
                    RemovedCells = { new CellCoord { X = 0, Z = 0 }, new CellCoord { X = 12, Z = 300 } },
                    Cells =
                    {
                        new CellBatch { CellX = 3, CellZ = 4, Avatars = { new AvatarState { Id = 0x0100_0001, X = -1, Y = 0, Z = 1, Heading = 16_384, State = MovementState.Sitting } } },
                        new CellBatch { CellX = 3, CellZ = 4, Avatars = { new AvatarState { Id = 5, State = MovementState.Flying } } },
                    },
                },
            });
        Server("server-avatars-joined", "Profiles of avatars about to be seen",
            new ServerFrame { AvatarsJoined = new AvatarsJoined { Avatars = { new AvatarProfile { Id = 17, DisplayName = "王小明", Look = look }, new AvatarProfile { Id = 18, DisplayName = "Guest 18", Guest = true, Look = new AvatarLook() } } } });
        Server("server-avatars-left", "Avatars that left the world", new ServerFrame { AvatarsLeft = new AvatarsLeft { AvatarIds = { 18, 0x0200_0001 } } });
        var chat = new ChatMessage { Id = 77, SenderId = 17, SenderName = "王小明", Scope = ChatScope.Nearby, Text = "<script>alert(1)</script> is just text", ServerTimeMs = 1_748_764_801_000 };
        Server("server-chat", "A nearby chat message; markup in text is plain text", new ServerFrame { Chat = chat });
        Server("server-chat-history", "Recent world chat sent after Welcome",
            new ServerFrame { ChatHistory = new ChatHistory { Messages = { chat.Clone(), new ChatMessage { Id = 78, SenderId = 18, SenderName = "Guest 18", Scope = ChatScope.World, Text = "hello park", ServerTimeMs = 1_748_764_802_000 } } } });
        Server("server-emote", "An avatar plays emote 3", new ServerFrame { Emote = new EmotePlayed { AvatarId = 17, Emote = 3 } });
        Server("server-pong", "Pong echoing the client time", new ServerFrame { Pong = new Pong { ClientTimeMs = 4_000_000_000, ServerTimeMs = 1_748_764_800_000 } });
        Server("server-chat-rejected", "Chat refused: too fast, retry in 1.5 s", new ServerFrame { ChatRejected = new ChatRejected { Reason = ChatRejectReason.TooFast, RetryAfterMs = 1_500 } });
        Server("server-muted", "Muted until a Unix time in ms", new ServerFrame { Muted = new Muted { UntilMs = 1_748_768_400_000, Reason = "muted by an operator" } });
        Server("server-kicked", "Removed by an operator; the close (4003) follows", new ServerFrame { Kicked = new Kicked { Reason = "removed by an operator" } });
        return vectors;
    }

    // Drives a real world so the vector proves fragment concatenation is valid protobuf.
    private static ServerFrame EngineSnapshot()
    {
        var test = new TestWorld(TestWorld.Teleporting());
        var a = test.Join("a");
        var b = test.Join("b");
        var c = test.Join("c");
        a.Move(50_100, 50_100, heading: 100);
        b.Move(50_200, 50_300, y: 50, heading: 40_000, state: MovementState.Running);
        c.Move(52_500, 50_100, heading: 7);
        test.Tick();
        var raw = a.Connection.RawFrames.Last();
        return ServerFrame.Parser.ParseFrom(raw);
    }
}
