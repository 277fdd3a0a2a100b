using Google.Protobuf;
using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Sessions;

public class MalformedFrameFuzzTests
{
    private const int FramesToSend = 120_000;
    private static readonly WorldOptions Options = new();

    [Fact]
    public void Random_truncated_oversized_and_out_of_order_frames_close_only_their_own_connection_with_the_documented_code()
    {
        var random = new Random(20_251_124);
        var test = new TestWorld(Options);
        var bystanders = Enumerable.Range(0, 3).Select(i => test.Join($"bystander{i}")).ToList();
        var codesSeen = new Dictionary<int, int>();
        var sent = 0;
        var connections = 0;

        while (sent < FramesToSend)
        {
            var client = test.Connect($"fuzz{connections++}");
            var helloed = false;
            uint lastSeq = 0;
            var frames = random.Next(1, 12);
            int? expected = null;
            for (var i = 0; i < frames && expected is null; i++)
            {
                var frame = NextFrame(random, helloed, lastSeq);
                expected = ExpectedClose(frame, helloed, lastSeq, out var accepted);
                client.Session.ReceiveFrame(frame); // must never throw
                sent++;
                if (expected is null && accepted is { } body)
                {
                    if (body.BodyCase == ClientFrame.BodyOneofCase.Hello) helloed = true;
                    if (body.BodyCase == ClientFrame.BodyOneofCase.Input) lastSeq = body.Input.Seq;
                }
            }

            if (expected is { } code)
            {
                client.Session.CloseCode.ShouldBe(code);
                client.Connection.CloseCode.ShouldBe(code);
                codesSeen[code] = codesSeen.GetValueOrDefault(code) + 1;
            }
            else
            {
                client.Session.IsClosed.ShouldBeFalse();
                client.Session.Disconnected();
            }
            if (connections % 500 == 0) test.Tick();
        }
        test.Tick();

        sent.ShouldBeGreaterThanOrEqualTo(100_000);
        codesSeen.Keys.ShouldBe(
            [WorldCloseCodes.FrameTooBig, WorldCloseCodes.MalformedFrame, WorldCloseCodes.OutOfOrder, WorldCloseCodes.HelloRejected],
            ignoreOrder: true);
        test.Node.Metrics.ClosedByCode.ShouldNotContainKey(WorldCloseCodes.InternalError);
        bystanders.ShouldAllBe(b => !b.Session.IsClosed);
        test.World.Population.ShouldBe(bystanders.Count);
        test.Node.Metrics.ConnectedSessions.ShouldBe(bystanders.Count);
        test.Node.Metrics.Avatars.ShouldBe(bystanders.Count);

        // The world still works for everyone else.
        bystanders[0].Move(50_050, 50_000);
        test.Tick();
        bystanders[1].Sync().Avatars[bystanders[0].AvatarId].X.ShouldBe(50_050);
    }

    /// <summary>What docs/protocol.md says must happen to this frame; null when it is accepted.</summary>
    private static int? ExpectedClose(byte[] bytes, bool helloed, uint lastSeq, out ClientFrame? parsed)
    {
        parsed = null;
        if (bytes.Length > Options.MaxSignalFrameBytes) return WorldCloseCodes.FrameTooBig;
        if (bytes.Length == 0) return WorldCloseCodes.MalformedFrame;
        try
        {
            parsed = ClientFrame.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return WorldCloseCodes.MalformedFrame;
        }
        if (bytes.Length > Options.MaxClientFrameBytes && parsed.BodyCase != ClientFrame.BodyOneofCase.MediaSignal) return WorldCloseCodes.FrameTooBig;
        switch (parsed.BodyCase)
        {
            case ClientFrame.BodyOneofCase.Hello:
                if (helloed) return WorldCloseCodes.OutOfOrder;
                if (parsed.Hello.ProtocolVersion != 1 || parsed.Hello.WorldId != TestWorld.WorldId) return WorldCloseCodes.HelloRejected;
                return null;
            case ClientFrame.BodyOneofCase.Input:
                if (!helloed) return WorldCloseCodes.OutOfOrder;
                if (parsed.Input.Heading > 65_535 || !Enum.IsDefined(parsed.Input.State)) return WorldCloseCodes.MalformedFrame;
                if (parsed.Input.Seq <= lastSeq) return WorldCloseCodes.OutOfOrder;
                return null;
            case ClientFrame.BodyOneofCase.Chat:
                if (!helloed) return WorldCloseCodes.OutOfOrder;
                return Enum.IsDefined(parsed.Chat.Scope) ? null : WorldCloseCodes.MalformedFrame;
            case ClientFrame.BodyOneofCase.Emote:
                if (!helloed) return WorldCloseCodes.OutOfOrder;
                return parsed.Emote.Emote is >= 1 and <= 16 ? null : WorldCloseCodes.MalformedFrame;
            case ClientFrame.BodyOneofCase.Ping:
                return null;
            case ClientFrame.BodyOneofCase.MediaState:
                return helloed ? null : WorldCloseCodes.OutOfOrder;
            case ClientFrame.BodyOneofCase.MediaSignal:
                if (!helloed) return WorldCloseCodes.OutOfOrder;
                var signal = parsed.MediaSignal;
                var needsSdp = signal.Kind is MediaSignalKind.Offer or MediaSignalKind.Answer;
                return signal.Kind == MediaSignalKind.Unspecified || !Enum.IsDefined(signal.Kind) || signal.Peer == 0 || needsSdp && signal.Sdp.Length == 0
                    ? WorldCloseCodes.MalformedFrame : null;
            default:
                return WorldCloseCodes.MalformedFrame;
        }
    }

    private static byte[] NextFrame(Random random, bool helloed, uint lastSeq)
    {
        switch (random.Next(10))
        {
            case 0: // random bytes
                var noise = new byte[random.Next(0, 64)];
                random.NextBytes(noise);
                return noise;
            case 1: // oversized
                if (random.Next(2) == 0) // a well-formed message other than a signal, above the small-frame limit
                    return new ClientFrame { Chat = new ChatSend { Text = new string('x', Options.MaxClientFrameBytes) } }.ToByteArray();
                var big = new byte[Options.MaxSignalFrameBytes + 1 + random.Next(0, 10_000)];
                random.NextBytes(big);
                return big;
            case 2: // truncated valid frame
                var whole = ValidFrame(random, helloed, lastSeq).ToByteArray();
                return whole[..random.Next(0, whole.Length)];
            case 3: // bit-flipped valid frame
                var flipped = ValidFrame(random, helloed, lastSeq).ToByteArray();
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 4: // out of order: the wrong message for the state, or a replayed sequence number
                return (helloed
                    ? random.Next(2) == 0
                        ? new ClientFrame { Hello = new Hello { WorldId = TestWorld.WorldId, ProtocolVersion = 1 } }
                        : new ClientFrame { Input = new Input { Seq = (uint)random.Next(0, (int)lastSeq + 1) } }
                    : new ClientFrame { Input = new Input { Seq = 1 } }).ToByteArray();
            case 5: // well-formed but out of range
                return (random.Next(7) switch
                {
                    5 => new ClientFrame { MediaSignal = new MediaSignal { Peer = (uint)random.Next(0, 3), Kind = (MediaSignalKind)random.Next(0, 9) } },
                    6 => new ClientFrame { MediaSignal = new MediaSignal { Peer = 1, Kind = MediaSignalKind.Offer } }, // an offer without its description
                    0 => new ClientFrame { Input = new Input { Seq = lastSeq + 1, Heading = 70_000 } },
                    1 => new ClientFrame { Input = new Input { Seq = lastSeq + 1, State = (MovementState)99 } },
                    2 => new ClientFrame { Emote = new EmoteSend { Emote = (uint)random.Next(17, 1_000) } },
                    3 => new ClientFrame { Chat = new ChatSend { Scope = (ChatScope)7, Text = "x" } },
                    _ => new ClientFrame { Hello = new Hello { WorldId = "no-such-world", ProtocolVersion = (uint)random.Next(0, 3) } },
                }).ToByteArray();
            case 6: // empty envelope or an unknown message from a newer protocol
                return random.Next(2) == 0 ? [] : [0x4A, 0x00]; // field 9, length 0
            default:
                return ValidFrame(random, helloed, lastSeq).ToByteArray();
        }
    }

    private static ClientFrame ValidFrame(Random random, bool helloed, uint lastSeq)
    {
        if (!helloed) return new ClientFrame { Hello = new Hello { WorldId = TestWorld.WorldId, ProtocolVersion = 1 } };
        return random.Next(6) switch
        {
            4 => new ClientFrame { MediaState = new MediaState { Microphone = random.Next(2) == 0, Camera = random.Next(2) == 0 } },
            5 => new ClientFrame { MediaSignal = new MediaSignal { Peer = (uint)random.Next(1, 1_000), Kind = MediaSignalKind.Offer, Sdp = "v=0" } },
            0 => new ClientFrame { Chat = new ChatSend { Text = "hi " + random.Next(), Scope = ChatScope.Nearby } },
            1 => new ClientFrame { Emote = new EmoteSend { Emote = (uint)random.Next(1, 17) } },
            2 => new ClientFrame { Ping = new Ping { ClientTimeMs = (uint)random.Next() } },
            _ => new ClientFrame
            {
                Input = new Input
                {
                    Seq = lastSeq + 1 + (uint)random.Next(0, 3),
                    X = random.Next(-1_000, 101_000),
                    Z = random.Next(-1_000, 101_000),
                    Heading = (uint)random.Next(0, 65_536),
                    State = (MovementState)random.Next(0, 6),
                },
            },
        };
    }
}
