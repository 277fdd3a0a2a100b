using Lingjing.World.Bus;
using Lingjing.World.Grid;
using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Grid;

public class WorldBusTests
{
    [Fact]
    public void Two_nodes_sharing_a_bus_see_each_others_avatars_and_their_departures()
    {
        var bus = new InProcessWorldBus();
        var time = new ManualTimeProvider();
        var definition = new WorldDefinition("zone", TestWorld.Bounds, new PositionCm(50_000, 0, 50_000));
        var nodeA = new WorldNode(TestWorld.Teleporting() with { NodeId = "a", NodeIndex = 1 }, time, bus);
        var nodeB = new WorldNode(TestWorld.Teleporting() with { NodeId = "b", NodeIndex = 2 }, time, bus);
        nodeA.AddWorld(definition);
        nodeB.AddWorld(definition);

        var onA = Join(nodeA, "alice");
        var onB = Join(nodeB, "bob");
        void TickBoth()
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            nodeA.Tick();
            nodeB.Tick();
        }
        TickBoth();
        onB.Move(50_500, 50_000);
        TickBoth();
        TickBoth();

        // Bob's moves reach alice's node on the next tick...
        onA.Sync().Avatars.Keys.ShouldBe([onA.AvatarId, onB.AvatarId], ignoreOrder: true);
        (onA.AvatarId >> 24).ShouldBe(1u);
        (onB.AvatarId >> 24).ShouldBe(2u);

        // ...while alice stood still before bob's node watched her cell: she arrives with the next keyframe.
        for (var i = 0; i < 10; i++) TickBoth();
        onB.Sync().Avatars[onA.AvatarId].X.ShouldBe(50_000);

        onB.Session.Disconnected();
        TickBoth();
        TickBoth();
        onA.Sync().Avatars.Keys.ShouldBe([onA.AvatarId]);
    }

    [Fact]
    public void Subscription_to_one_cell_receives_only_that_cell_until_disposed()
    {
        var bus = new InProcessWorldBus();
        var received = new List<WorldCellBatch>();
        var receiver = new Collecting(received);
        var subscription = bus.SubscribeCell("w", new GridCell(1, 2), receiver);

        bus.Publish(new WorldCellBatch("w", "n", new GridCell(1, 2), 1, new byte[] { 1 }, [7]));
        bus.Publish(new WorldCellBatch("w", "n", new GridCell(2, 2), 1, new byte[] { 1 }, [8]));
        bus.Publish(new WorldCellBatch("other", "n", new GridCell(1, 2), 1, new byte[] { 1 }, [9]));
        subscription.Dispose();
        bus.Publish(new WorldCellBatch("w", "n", new GridCell(1, 2), 2, new byte[] { 1 }, [7]));

        received.Select(b => b.AvatarIds[0]).ShouldBe([7u]);
    }

    private static TestClient Join(WorldNode node, string user)
    {
        var connection = new FakeConnection();
        var client = new TestClient(node.Attach(connection, new WorldUser(user, user, new AvatarLook())), connection);
        client.Hello("zone");
        node.Tick();
        return client;
    }

    private sealed class Collecting(List<WorldCellBatch> into) : ICellBatchReceiver
    {
        public void Receive(WorldCellBatch batch) => into.Add(batch);
    }
}
