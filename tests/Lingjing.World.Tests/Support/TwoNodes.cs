using Lingjing.World.Bus;
using Lingjing.World.Protocol;

namespace Lingjing.World.Tests.Support;

/// <summary>Two nodes sharing one world through one bus, as two servers of a cluster do through the world's owner;
/// manual time, teleporting avatars, fake connections.</summary>
public sealed class TwoNodes
{
    public const string WorldId = "park-1";

    public TwoNodes(IWorldBus? bus = null)
    {
        Bus = bus ?? new InProcessWorldBus();
        var definition = new WorldDefinition(WorldId, TestWorld.Bounds, new PositionCm(50_000, 0, 50_000));
        A = new WorldNode(TestWorld.Teleporting() with { NodeId = "a", NodeIndex = 1 }, Time, Bus);
        B = new WorldNode(TestWorld.Teleporting() with { NodeId = "b", NodeIndex = 2 }, Time, Bus);
        WorldA = A.AddWorld(definition);
        WorldB = B.AddWorld(definition);
    }

    public IWorldBus Bus { get; }
    public ManualTimeProvider Time { get; } = new();
    public WorldNode A { get; }
    public WorldNode B { get; }
    public VirtualWorld WorldA { get; }
    public VirtualWorld WorldB { get; }

    /// <summary>Connects and joins; the client is welcomed once both nodes have ticked.</summary>
    public TestClient Join(WorldNode node, string userId, string? name = null, Vec3? resumeAt = null)
    {
        var connection = new FakeConnection();
        var client = new TestClient(node.Attach(connection, new WorldUser(userId, name ?? "User " + userId, new AvatarLook())), connection);
        client.Send(new ClientFrame { Hello = new Hello { WorldId = WorldId, ProtocolVersion = WorldOptions.ProtocolVersion, ResumeAt = resumeAt } });
        Tick();
        return client;
    }

    public void Tick(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            A.Tick();
            B.Tick();
        }
    }
}
