using Lingjing.World.Media;
using Lingjing.World.Protocol;

namespace Lingjing.World.Tests.Support;

/// <summary>A node with one world, manual time and fake connections; ticks only when told.</summary>
public sealed class TestWorld
{
    public const string WorldId = "park-1";
    public static readonly WorldBounds Bounds = new(0, 0, 0, 100_000, 10_000, 100_000);

    /// <param name="hearingRadiusCm">The world's own hearing radius (a meeting room's), in place of the node's.</param>
    /// <param name="mixVoicesFrom">A room that mixes voices from this forwarded group size (a meeting room's).</param>
    public TestWorld(WorldOptions? options = null, WorldBounds? bounds = null, ISelectiveForwarder? forwarder = null, int? hearingRadiusCm = null,
        int? mixVoicesFrom = null)
    {
        Time = new ManualTimeProvider();
        Node = new WorldNode(options ?? new WorldOptions(), Time, forwarder: forwarder);
        World = Node.AddWorld(new WorldDefinition(WorldId, bounds ?? Bounds, new PositionCm(50_000, 0, 50_000)) { HearingRadiusCm = hearingRadiusCm, MixVoicesFrom = mixVoicesFrom });
    }

    public ManualTimeProvider Time { get; }
    public WorldNode Node { get; }
    public VirtualWorld World { get; }

    /// <summary>Options that let tests place avatars anywhere in one input.</summary>
    public static WorldOptions Teleporting(WorldOptions? options = null) =>
        (options ?? new WorldOptions()) with { MaxSpeedCmPerSecond = 10_000_000, InputBurst = 1_000, InputPerSecond = 1_000 };

    public TestClient Connect(string userId, bool guest = false)
    {
        var connection = new FakeConnection();
        var look = new AvatarLook { Model = "standard", BodyColor = 0xC08060, OutfitColor = 0x2040A0 };
        var session = Node.Attach(connection, new WorldUser(userId, "User " + userId, look, guest));
        return new TestClient(session, connection);
    }

    public TestClient Connect(WorldUser user)
    {
        var connection = new FakeConnection();
        return new TestClient(Node.Attach(connection, user), connection);
    }

    /// <summary>Connects, says Hello and ticks so the client is welcomed.</summary>
    public TestClient Join(string userId)
    {
        var client = Connect(userId);
        client.Hello(WorldId);
        Tick();
        return client;
    }

    /// <summary>Ticks until the next keyframe has run (groups, mutes and the forwarder are reviewed on keyframes).</summary>
    public void TickKeyframe()
    {
        var keyframe = (uint)Node.Options.KeyframeTicks;
        do Tick(); while (World.CurrentTick % keyframe != 0);
    }

    public void Tick(TimeSpan? advance = null)
    {
        Time.Advance(advance ?? TimeSpan.FromMilliseconds(100));
        Node.Tick();
    }
}
