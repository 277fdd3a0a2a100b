using Lingjing.World.Bus;
using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Media;

/// <summary>The instances of an event's hall share one stage: whoever is amplified in one instance is shown, where they
/// stand, in every other (on any node), heard there through the shared forwarder room; nobody else crosses over.</summary>
public class SharedStageTests
{
    private const string Stage = "hall-7-stage";
    private const uint Forwarded = (uint)MediaFlags.Forwarded;

    /// <summary>Instance 1 on node a, instance 2 on node b, one bus between them (a cluster's, in one process).</summary>
    private sealed class Instances
    {
        public Instances(WorldOptions? options = null)
        {
            var bus = new InProcessWorldBus();
            A = new WorldNode(TestWorld.Teleporting(options) with { NodeId = "a", NodeIndex = 1 }, Time, bus, forwarder: ForwarderA);
            B = new WorldNode(TestWorld.Teleporting(options) with { NodeId = "b", NodeIndex = 2 }, Time, bus, forwarder: ForwarderB);
            One = A.AddWorld(Definition("hall-7-1"));
            Two = B.AddWorld(Definition("hall-7-2"));
        }

        public ManualTimeProvider Time { get; } = new();
        public FakeForwarder ForwarderA { get; } = new();
        public FakeForwarder ForwarderB { get; } = new();
        public WorldNode A { get; }
        public WorldNode B { get; }
        public VirtualWorld One { get; }
        public VirtualWorld Two { get; }

        private static WorldDefinition Definition(string id) =>
            new(id, TestWorld.Bounds, new PositionCm(50_000, 0, 50_000)) { SharedStage = Stage };

        public TestClient Join(WorldNode node, VirtualWorld world, string userId, int x, int z)
        {
            var connection = new FakeConnection();
            var client = new TestClient(node.Attach(connection, new WorldUser(userId, "User " + userId, new AvatarLook())), connection);
            client.Hello(world.Id);
            Tick();
            client.Move(x, z);
            Tick();
            return client;
        }

        public void Tick()
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            A.Tick();
            B.Tick();
        }

        public void TickKeyframe()
        {
            var keyframe = (uint)A.Options.KeyframeTicks;
            do Tick(); while (One.CurrentTick % keyframe != 0);
        }
    }

    [Fact]
    public void The_speaker_on_stage_in_one_instance_is_seen_where_they_stand_in_the_other_and_leaves_it_with_the_stage()
    {
        var hall = new Instances();
        var speaker = hall.Join(hall.A, hall.One, "speaker", 50_000, 53_000);
        var neighbour = hall.Join(hall.A, hall.One, "neighbour", 50_500, 53_000);
        var listener = hall.Join(hall.B, hall.Two, "listener", 50_000, 50_000);
        hall.TickKeyframe();
        listener.Sync().Avatars.Keys.ShouldBe([listener.AvatarId]);

        hall.One.Amplify(["speaker"]);
        hall.TickKeyframe();
        hall.Tick();
        var seen = listener.Sync();
        seen.Avatars.Keys.ShouldBe([listener.AvatarId, speaker.AvatarId], ignoreOrder: true);
        seen.Avatars[speaker.AvatarId].Z.ShouldBe(53_000);
        seen.Profiles[speaker.AvatarId].DisplayName.ShouldBe("User speaker");
        hall.Two.StagePopulation.ShouldBe(1);
        hall.Two.Population.ShouldBe(1);

        speaker.Move(51_000, 53_500);
        hall.Tick();
        hall.Tick();
        listener.Sync().Avatars[speaker.AvatarId].X.ShouldBe(51_000);

        hall.One.Amplify([]);
        hall.TickKeyframe();
        hall.Tick();
        listener.Sync().Avatars.Keys.ShouldBe([listener.AvatarId]);
        listener.Sync().Profiles.Keys.ShouldNotContain(speaker.AvatarId);
        listener.Sync().Profiles.Keys.ShouldNotContain(neighbour.AvatarId);
    }

    [Fact]
    public void Another_instance_hears_the_stage_through_the_shared_room_and_nobody_else_of_the_first_instance()
    {
        var hall = new Instances();
        var speaker = hall.Join(hall.A, hall.One, "speaker", 50_000, 53_000);
        speaker.Media(microphone: true);
        var neighbour = hall.Join(hall.A, hall.One, "neighbour", 50_500, 53_000);
        var listener = hall.Join(hall.B, hall.Two, "listener", 50_000, 50_000);
        hall.One.Amplify(["speaker"]);
        hall.Two.Amplify(["speaker"]);
        hall.TickKeyframe();
        hall.TickKeyframe();

        // Whatever the size of each instance's crowd, a shared stage goes through the forwarder in both.
        (listener.Sync().Avatars[listener.AvatarId].Media & Forwarded).ShouldBe(Forwarded);
        (listener.Sync().Avatars[speaker.AvatarId].Media & Forwarded).ShouldBe(Forwarded);
        listener.Forward(ForwarderSignalKind.Subscribe, feed: speaker.AvatarId);
        listener.Forward(ForwarderSignalKind.Subscribe, feed: neighbour.AvatarId);
        speaker.Forward(ForwarderSignalKind.Publish, sdp: "offer");
        hall.Tick();

        hall.ForwarderB.Requests.ShouldBe([(listener.AvatarId, ForwarderSignalKind.Subscribe, speaker.AvatarId)]);
        hall.ForwarderB.Rooms.ShouldBe([Stage]);
        hall.ForwarderA.Rooms.ShouldBe([Stage]);
        listener.ForwarderSignalsReceived().ShouldContain(s => s.Feed == neighbour.AvatarId && s.Reason == MediaRefuseReason.UnknownPeer);
    }

    [Fact]
    public void A_stage_whose_instance_falls_silent_is_forgotten_after_three_keyframes()
    {
        var hall = new Instances();
        var speaker = hall.Join(hall.A, hall.One, "speaker", 50_000, 53_000);
        var listener = hall.Join(hall.B, hall.Two, "listener", 50_000, 50_000);
        hall.One.Amplify(["speaker"]);
        hall.TickKeyframe();
        hall.Tick();
        listener.Sync().Avatars.Keys.ShouldContain(speaker.AvatarId);

        // Node a stops (it died): only b ticks on.
        var keyframe = hall.B.Options.KeyframeTicks;
        for (var i = 0; i < keyframe * 4; i++)
        {
            hall.Time.Advance(TimeSpan.FromMilliseconds(100));
            hall.B.Tick();
        }
        listener.Sync().Avatars.Keys.ShouldBe([listener.AvatarId]);
        hall.Two.StagePopulation.ShouldBe(0);
    }

    [Fact]
    public void The_stage_is_sent_every_tick_however_large_the_crowd_nearer_the_viewer()
    {
        // Beyond two avatars, farther cells go out every third tick, but for a stage.
        var hall = new Instances(new WorldOptions { FullRateAvatars = 2, ReducedRateDivisor = 3 });
        var listener = hall.Join(hall.B, hall.Two, "listener", 50_000, 50_000);
        foreach (var n in Enumerable.Range(0, 4)) hall.Join(hall.B, hall.Two, $"crowd{n}", 50_100 + n * 100, 50_000);
        var speaker = hall.Join(hall.A, hall.One, "speaker", 50_000, 53_000);
        hall.One.Amplify(["speaker"]);
        hall.TickKeyframe();
        hall.Tick();

        var seen = new List<int>();
        for (var step = 1; step <= 6; step++)
        {
            speaker.Move(50_000 + step * 100, 53_000);
            hall.Tick();
            seen.Add(listener.Sync().Avatars[speaker.AvatarId].X);
        }
        seen.ShouldBe(Enumerable.Range(1, 6).Select(step => 50_000 + step * 100));
    }
}
