using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Media;

/// <summary>An event hall's stage: someone amplified is heard and seen by everyone in the world whatever the distance,
/// and hears whoever it connects to; everyone else still hears only those within hearing.</summary>
public class AmplifiedTests
{
    private const uint Amplified = (uint)MediaFlags.Amplified;
    private const uint Forwarded = (uint)MediaFlags.Forwarded;

    /// <summary>A speaker and two listeners 30 m away: within sight (the view radius), far beyond hearing (15 m).</summary>
    private static (TestWorld Test, TestClient Speaker, TestClient Near, TestClient Far) Hall(WorldOptions? options = null, FakeForwarder? forwarder = null)
    {
        var test = new TestWorld(TestWorld.Teleporting(options), forwarder: forwarder);
        var speaker = test.Join("speaker");
        speaker.Move(50_000, 50_000);
        speaker.Media(microphone: true, camera: true);
        var near = test.Join("near");
        near.Move(50_000, 53_000);
        var far = test.Join("far");
        far.Move(50_200, 53_000);
        test.TickKeyframe();
        return (test, speaker, near, far);
    }

    [Fact]
    public void Someone_far_away_is_out_of_reach_until_amplified_and_then_everyone_sees_the_flag()
    {
        var (test, speaker, near, _) = Hall();
        near.Signal(speaker.AvatarId, MediaSignalKind.Offer, sdp: "offer");
        test.Tick();
        near.RefusalsReceived().ShouldHaveSingleItem().Reason.ShouldBe(MediaRefuseReason.TooFar);

        test.World.Amplify(["speaker"]);
        test.TickKeyframe();
        (near.Sync().Avatars[speaker.AvatarId].Media & Amplified).ShouldBe(Amplified);
        (near.Sync().Avatars[near.AvatarId].Media & Amplified).ShouldBe(0u);
        near.Signal(speaker.AvatarId, MediaSignalKind.Offer, sdp: "offer");
        test.Tick();
        near.RefusalsReceived().Count.ShouldBe(1);
        speaker.SignalsReceived().ShouldHaveSingleItem().Peer.ShouldBe(near.AvatarId);
    }

    [Fact]
    public void Amplifying_someone_else_ends_it_for_the_one_before()
    {
        var (test, speaker, near, far) = Hall();
        test.World.Amplify(["speaker"]);
        test.TickKeyframe();

        test.World.Amplify(["far"]);
        test.TickKeyframe();

        (near.Sync().Avatars[speaker.AvatarId].Media & Amplified).ShouldBe(0u);
        (near.Sync().Avatars[far.AvatarId].Media & Amplified).ShouldBe(Amplified);
        near.Signal(speaker.AvatarId, MediaSignalKind.Offer, sdp: "offer");
        test.Tick();
        near.RefusalsReceived().ShouldHaveSingleItem().Reason.ShouldBe(MediaRefuseReason.TooFar);
    }

    [Fact]
    public void An_amplified_speaker_with_more_listeners_than_the_peer_limit_is_forwarded_with_them_and_each_may_subscribe()
    {
        var forwarder = new FakeForwarder();
        var (test, speaker, near, far) = Hall(new WorldOptions { MediaPeerLimit = 1 }, forwarder);
        test.World.Amplify(["speaker"]);
        test.TickKeyframe();

        foreach (var person in new[] { speaker, near, far }) (near.Sync().Avatars[person.AvatarId].Media & Forwarded).ShouldBe(Forwarded);
        near.Forward(ForwarderSignalKind.Subscribe, feed: speaker.AvatarId);
        // Listeners still do not reach each other beyond hearing... but these two stand 2 m apart, so they do.
        far.Forward(ForwarderSignalKind.Subscribe, feed: near.AvatarId);
        test.Tick();
        forwarder.Requests.ShouldBe([
            (near.AvatarId, ForwarderSignalKind.Subscribe, speaker.AvatarId),
            (far.AvatarId, ForwarderSignalKind.Subscribe, near.AvatarId),
        ]);
    }

    [Fact]
    public void A_listener_far_from_another_listener_is_refused_even_with_a_speaker_on_stage()
    {
        var forwarder = new FakeForwarder();
        var (test, speaker, near, far) = Hall(new WorldOptions { MediaPeerLimit = 1 }, forwarder);
        far.Move(52_500, 53_000);
        far.Media(microphone: true);
        test.World.Amplify(["speaker"]);
        test.TickKeyframe();

        near.Forward(ForwarderSignalKind.Subscribe, feed: far.AvatarId);
        test.Tick();

        near.ForwarderSignalsReceived().ShouldHaveSingleItem().Reason.ShouldBe(MediaRefuseReason.TooFar);
        forwarder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void A_world_starts_with_the_stage_its_definition_gives()
    {
        var test = new TestWorld();
        var definition = new WorldDefinition("hall-1-1", TestWorld.Bounds, new PositionCm(50_000, 0, 50_000)) { Amplified = ["speaker"] };
        var world = test.Node.AddWorld(definition);
        var connection = new FakeConnection();
        var speaker = new TestClient(test.Node.Attach(connection, new WorldUser("speaker", "Speaker", new AvatarLook { Model = "standard" })), connection);
        speaker.Hello("hall-1-1");
        test.Tick();
        do test.Tick(); while (world.CurrentTick % (uint)test.Node.Options.KeyframeTicks != 0);

        (speaker.Sync().Avatars[speaker.AvatarId].Media & Amplified).ShouldBe(Amplified);
    }
}
