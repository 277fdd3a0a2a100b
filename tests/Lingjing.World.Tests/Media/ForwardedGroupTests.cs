using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Media;

/// <summary>Groups larger than the peer limit go through the forwarder: the world marks them, checks every request
/// against who may hear whom, and lets go of subscriptions when people walk apart or leave.</summary>
public class ForwardedGroupTests
{
    private const uint Forwarded = (uint)MediaFlags.Forwarded;
    private static readonly WorldOptions Options = TestWorld.Teleporting() with { MediaPeerLimit = 2 };

    private static (TestWorld Test, FakeForwarder Forwarder, TestClient[] People) Group(int size, WorldOptions? options = null)
    {
        var forwarder = new FakeForwarder();
        var test = new TestWorld(options ?? Options, forwarder: forwarder);
        var people = new TestClient[size];
        for (var i = 0; i < size; i++)
        {
            people[i] = test.Join("p" + i);
            people[i].Move(50_000 + i * 200, 50_000);
            people[i].Media(microphone: true);
        }
        test.TickKeyframe();
        return (test, forwarder, people);
    }

    private static uint MediaOf(TestClient viewer, TestClient seen) => viewer.Sync().Avatars[seen.AvatarId].Media;

    [Fact]
    public void A_group_within_the_peer_limit_stays_peer_to_peer()
    {
        var (_, _, people) = Group(2);

        (MediaOf(people[0], people[1]) & Forwarded).ShouldBe(0u);
        (MediaOf(people[1], people[0]) & Forwarded).ShouldBe(0u);
    }

    [Fact]
    public void A_group_past_the_peer_limit_is_forwarded_and_so_is_a_listener_next_to_it_but_not_someone_far_away()
    {
        var (test, _, people) = Group(3);
        var listener = test.Join("listener");
        listener.Move(50_100, 50_300);
        var far = test.Join("far");
        far.Move(90_000, 90_000);
        far.Media(microphone: true);
        test.TickKeyframe();

        foreach (var person in people) (MediaOf(listener, person) & Forwarded).ShouldBe(Forwarded);
        (listener.Sync().Avatars[listener.AvatarId].Media & Forwarded).ShouldBe(Forwarded);
        (far.Sync().Avatars[far.AvatarId].Media & Forwarded).ShouldBe(0u);
    }

    [Fact]
    public void Welcome_tells_whether_the_server_has_a_forwarder()
    {
        var with = Group(1).People[0].Connection.Received(f => f.Welcome).Single();
        with.Media.Forwarder.ShouldBeTrue();
        var without = new TestWorld(Options).Join("x").Connection.Received(f => f.Welcome).Single();
        without.Media.Forwarder.ShouldBeFalse();
    }

    [Fact]
    public void A_forwarded_group_stays_forwarded_until_it_is_two_smaller_than_where_it_started()
    {
        // Five people with a limit of four: one too many.
        var (test, _, people) = Group(5, Options with { MediaPeerLimit = 4 });
        (MediaOf(people[0], people[0]) & Forwarded).ShouldBe(Forwarded);

        people[4].Media(); // four left talking and listening: still forwarded, no switching back and forth
        people[4].Move(95_000, 95_000);
        test.TickKeyframe();
        (MediaOf(people[0], people[0]) & Forwarded).ShouldBe(Forwarded);

        people[3].Move(95_000, 5_000);
        people[2].Move(5_000, 95_000);
        test.TickKeyframe();
        (MediaOf(people[0], people[0]) & Forwarded).ShouldBe(0u);
    }

    [Fact]
    public void Publishing_and_subscribing_in_a_forwarded_group_reach_the_forwarder_and_its_replies_come_back()
    {
        var (test, forwarder, people) = Group(3);
        var (a, b) = (people[0], people[1]);

        a.Forward(ForwarderSignalKind.Publish, sdp: "offer");
        b.Forward(ForwarderSignalKind.Subscribe, feed: a.AvatarId);
        b.Forward(ForwarderSignalKind.Answer, feed: a.AvatarId, sdp: "answer");
        b.Forward(ForwarderSignalKind.Candidate, feed: a.AvatarId, candidate: "{}");
        test.Tick();

        forwarder.Requests.ShouldBe([
            (a.AvatarId, ForwarderSignalKind.Publish, 0u),
            (b.AvatarId, ForwarderSignalKind.Subscribe, a.AvatarId),
            (b.AvatarId, ForwarderSignalKind.Answer, a.AvatarId),
            (b.AvatarId, ForwarderSignalKind.Candidate, a.AvatarId),
        ]);
        a.ForwarderSignalsReceived().ShouldHaveSingleItem().Sdp.ShouldBe("answer");
        var offer = b.ForwarderSignalsReceived().ShouldHaveSingleItem();
        (offer.Kind, offer.Feed, offer.Sdp).ShouldBe((ForwarderSignalKind.Subscribe, a.AvatarId, "offer"));
    }

    [Fact]
    public void Requests_outside_a_forwarded_group_or_out_of_reach_are_refused_with_the_reason()
    {
        var (test, forwarder, people) = Group(3);
        var loner = test.Join("loner");
        loner.Move(95_000, 95_000);
        var pair = Group(2);
        test.TickKeyframe();

        loner.Forward(ForwarderSignalKind.Publish, sdp: "offer");
        people[0].Forward(ForwarderSignalKind.Subscribe, feed: loner.AvatarId);
        people[0].Forward(ForwarderSignalKind.Subscribe, feed: 424_242);
        people[0].Forward(ForwarderSignalKind.Subscribe, feed: people[0].AvatarId);
        pair.People[0].Forward(ForwarderSignalKind.Publish, sdp: "offer");
        test.Tick();
        pair.Test.Tick();

        loner.ForwarderSignalsReceived().Single().Reason.ShouldBe(MediaRefuseReason.NotForwarded);
        people[0].ForwarderSignalsReceived().Select(s => s.Reason)
            .ShouldBe([MediaRefuseReason.NotForwarded, MediaRefuseReason.UnknownPeer, MediaRefuseReason.UnknownPeer]);
        pair.People[0].ForwarderSignalsReceived().Single().Reason.ShouldBe(MediaRefuseReason.NotForwarded);
        forwarder.Requests.ShouldBeEmpty();
        pair.Forwarder.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Walking_out_of_reach_closes_the_subscription_at_the_next_keyframe()
    {
        var (test, forwarder, people) = Group(6);
        var (a, b) = (people[0], people[5]);
        b.Forward(ForwarderSignalKind.Subscribe, feed: a.AvatarId);
        test.Tick();

        // b takes three others along: both groups stay larger than the limit, but they are far apart now.
        for (var i = 3; i < 6; i++) people[i].Move(90_000 + i * 200, 90_000);
        test.TickKeyframe();

        var close = b.ForwarderSignalsReceived()[^1];
        (close.Kind, close.Feed, close.Reason).ShouldBe((ForwarderSignalKind.Close, a.AvatarId, MediaRefuseReason.TooFar));
        forwarder.Requests.ShouldContain((b.AvatarId, ForwarderSignalKind.Close, a.AvatarId));
        b.Forward(ForwarderSignalKind.Answer, feed: a.AvatarId, sdp: "late answer");
        test.Tick();
        forwarder.Requests.ShouldNotContain((b.AvatarId, ForwarderSignalKind.Answer, a.AvatarId));
    }

    [Fact]
    public void Leaving_the_group_or_the_world_lets_the_forwarder_go_of_everything()
    {
        var (test, forwarder, people) = Group(3);
        people[0].Forward(ForwarderSignalKind.Publish, sdp: "offer");
        people[1].Forward(ForwarderSignalKind.Publish, sdp: "offer");
        test.Tick();

        var leaving = people[1].AvatarId;
        people[1].Session.Disconnected();
        test.Tick();
        forwarder.Left.ShouldContain(leaving);

        // The last other one walks away: alone, people[0] leaves its forwarded group.
        people[2].Move(95_000, 95_000);
        test.TickKeyframe();
        forwarder.Left.ShouldContain(people[0].AvatarId);
        var close = people[0].ForwarderSignalsReceived()[^1];
        (close.Kind, close.Feed, close.Reason).ShouldBe((ForwarderSignalKind.Close, 0u, MediaRefuseReason.NotForwarded));
    }

    [Fact]
    public void A_failing_forwarder_and_a_forwarder_closing_by_itself_are_told_to_the_client()
    {
        var (test, forwarder, people) = Group(3);
        forwarder.Fail = true;
        people[0].Forward(ForwarderSignalKind.Publish, sdp: "offer");
        test.Tick();
        people[0].ForwarderSignalsReceived().Single().Reason.ShouldBe(MediaRefuseReason.ForwarderFailed);

        forwarder.CloseByItself(TestWorld.WorldId, people[1].AvatarId, people[0].AvatarId);
        test.Tick();
        var close = people[1].ForwarderSignalsReceived().Single();
        (close.Kind, close.Feed).ShouldBe((ForwarderSignalKind.Close, people[0].AvatarId));
    }

    [Fact]
    public void Without_a_forwarder_a_request_is_answered_with_no_forwarder()
    {
        var test = new TestWorld(Options);
        var a = test.Join("a");
        a.Forward(ForwarderSignalKind.Publish, sdp: "offer");
        test.Tick();
        a.ForwarderSignalsReceived().Single().Reason.ShouldBe(MediaRefuseReason.NoForwarder);
    }

    [Fact]
    public void A_forwarder_signal_without_its_session_description_or_feed_closes_the_connection()
    {
        var (_, _, people) = Group(3);
        people[0].Forward(ForwarderSignalKind.Publish);
        people[0].Connection.CloseCode.ShouldBe(WorldCloseCodes.MalformedFrame);
        people[1].Forward(ForwarderSignalKind.Subscribe);
        people[1].Connection.CloseCode.ShouldBe(WorldCloseCodes.MalformedFrame);
    }
}
