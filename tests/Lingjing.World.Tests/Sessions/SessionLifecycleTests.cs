using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Sessions;

public class SessionLifecycleTests
{
    [Fact]
    public void Connection_without_hello_is_closed_with_4005_after_the_timeout()
    {
        var test = new TestWorld();
        var silent = test.Connect("silent");
        test.Tick(TimeSpan.FromSeconds(5));
        silent.Session.IsClosed.ShouldBeFalse();
        test.Tick(TimeSpan.FromSeconds(6));
        silent.Connection.CloseCode.ShouldBe(WorldCloseCodes.HelloTimeout);
        test.Node.Metrics.ConnectedSessions.ShouldBe(0);
    }

    [Theory]
    [InlineData("park-1", 2u, WorldCloseCodes.HelloRejected)]
    [InlineData("park-404", 1u, WorldCloseCodes.HelloRejected)]
    public void Hello_for_an_unknown_world_or_protocol_is_rejected(string worldId, uint version, int code)
    {
        var test = new TestWorld();
        var client = test.Connect("a");
        client.Hello(worldId, version);
        client.Connection.CloseCode.ShouldBe(code);
        client.Connection.CloseReason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Guest_is_refused_by_a_world_that_does_not_admit_guests_with_4006()
    {
        var test = new TestWorld();
        test.Node.AddWorld(new WorldDefinition("members-only", TestWorld.Bounds, new PositionCm(0, 0, 0), AllowGuests: false));
        var guest = test.Connect("guest", guest: true);
        guest.Hello("members-only");
        guest.Connection.CloseCode.ShouldBe(WorldCloseCodes.NotAdmitted);
        guest.Connection.CloseReason.ShouldBe("this world admits its members and invited guests only");
    }

    [Fact]
    public void Text_frame_is_refused_with_1003()
    {
        var test = new TestWorld();
        var client = test.Connect("a");
        client.Session.ReceiveTextFrame();
        client.Connection.CloseCode.ShouldBe(WorldCloseCodes.UnsupportedData);
    }

    [Fact]
    public void Oversized_frame_reported_by_the_transport_is_refused_with_1009()
    {
        var test = new TestWorld();
        var client = test.Join("a");
        client.Session.ReceiveOversizedFrame();
        client.Connection.CloseCode.ShouldBe(WorldCloseCodes.FrameTooBig);
    }

    [Fact]
    public void Closed_session_ignores_further_frames_and_its_avatar_leaves()
    {
        var test = new TestWorld();
        var a = test.Join("a");
        a.Session.Close(WorldCloseCodes.Normal, "bye");
        a.Move(1, 1);
        test.Tick();
        test.World.Population.ShouldBe(0);
        a.Connection.CloseCode.ShouldBe(WorldCloseCodes.Normal);
    }

    [Fact]
    public async Task Tick_loop_runs_on_its_own_thread_and_stops_closing_everyone_with_1001()
    {
        var node = new WorldNode(new WorldOptions { TickRateHz = 50 });
        var world = node.AddWorld(new WorldDefinition("w", TestWorld.Bounds, new PositionCm(10, 0, 10)));
        var connection = new FakeConnection();
        var session = node.Attach(connection, new WorldUser("u", "U", new AvatarLook()));
        session.ReceiveFrame(Google.Protobuf.MessageExtensions.ToByteArray(
            new ClientFrame { Hello = new Hello { WorldId = "w", ProtocolVersion = 1 } }));
        node.Start();
        await Eventually.True(() => world.Population == 1 && node.Metrics.Ticks > 2, "the loop ticks");

        await node.DisposeAsync();
        connection.CloseCode.ShouldBe(WorldCloseCodes.GoingAway);
        connection.Received(f => f.Welcome).ShouldHaveSingleItem();
    }
}
