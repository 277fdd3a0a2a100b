using Google.Protobuf;
using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Sessions;

/// <summary>Frames whose length prefixes or fields no client would write: 4000 for that connection only, never 1011.</summary>
public class AbsurdFrameTests
{
    public static TheoryData<string, byte[]> AbsurdFrames => new()
    {
        // ClientFrame.chat (field 3) announcing 2^31-1 bytes in a 6-byte frame
        { "absurd length prefix", [0x1A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07] },
        // a length prefix that is negative as a 32-bit number
        { "negative length prefix", [0x1A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F] },
        // a varint longer than 10 bytes
        { "endless varint", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        // a field number of 0, which protobuf forbids
        { "field number 0", [0x02, 0x00] },
        // wire type 7 does not exist
        { "unknown wire type", [0x0F, 0x00] },
    };

    [Theory]
    [MemberData(nameof(AbsurdFrames))]
    public void Absurd_frame_closes_its_connection_with_4000_and_the_world_keeps_serving_others(string what, byte[] frame)
    {
        var test = new TestWorld(TestWorld.Teleporting());
        var bystander = test.Join("bystander");
        var bad = test.Join("bad");

        bad.Session.ReceiveFrame(frame);

        bad.Connection.CloseCode.ShouldBe(WorldCloseCodes.MalformedFrame, what);
        bad.Connection.CloseReason.ShouldStartWith("malformed frame");
        test.Node.Metrics.ClosedByCode.ShouldNotContainKey(WorldCloseCodes.InternalError);
        bystander.Move(50_100, 50_000);
        test.Tick();
        bystander.Session.IsClosed.ShouldBeFalse();
        bystander.Sync().Avatars[bystander.AvatarId].X.ShouldBe(50_100);
    }
}
