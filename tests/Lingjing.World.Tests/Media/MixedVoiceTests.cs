using Lingjing.World.Media;
using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Media;

/// <summary>A room where everyone hears everyone (a meeting room) mixes its forwarded group's voices once the group is
/// large: each person then sends their voice to the mix and receives one mixed stream, instead of one per speaker.</summary>
public class MixedVoiceTests
{
    private const uint Mixed = (uint)MediaFlags.Mixed;
    private const uint Forwarded = (uint)MediaFlags.Forwarded;
    private static readonly WorldOptions Options = TestWorld.Teleporting() with { MediaPeerLimit = 2 };

    private static (TestWorld Test, FakeForwarder Forwarder, List<TestClient> People) Room(int size, int? mixFrom = 4)
    {
        var forwarder = new FakeForwarder();
        var test = new TestWorld(Options, forwarder: forwarder, mixVoicesFrom: mixFrom);
        var people = new List<TestClient>();
        for (var i = 0; i < size; i++) people.Add(Arrive(test, i));
        test.TickKeyframe();
        return (test, forwarder, people);
    }

    private static TestClient Arrive(TestWorld test, int i)
    {
        var person = test.Join("p" + i);
        person.Move(50_000 + i * 100, 50_000);
        person.Media(microphone: true);
        return person;
    }

    private static uint Own(TestClient person) => person.Sync().Avatars[person.AvatarId].Media;

    [Fact]
    public void Voices_are_mixed_once_the_forwarded_group_reaches_the_rooms_mix_size()
    {
        var (test, _, people) = Room(3);
        (Own(people[0]) & (Forwarded | Mixed)).ShouldBe(Forwarded, "three people are forwarded, not yet mixed");

        people.Add(Arrive(test, 3));
        test.TickKeyframe();
        foreach (var person in people) (Own(person) & Mixed).ShouldBe(Mixed);
    }

    [Fact]
    public void A_park_never_mixes_however_large_the_group()
    {
        var (_, _, people) = Room(6, mixFrom: null);
        (Own(people[0]) & (Forwarded | Mixed)).ShouldBe(Forwarded);
    }

    [Fact]
    public void Joining_the_mix_reaches_the_forwarder_and_its_answer_comes_back_but_only_for_the_mixed()
    {
        var (test, forwarder, people) = Room(4);
        people[0].Forward(ForwarderSignalKind.Mix, feed: ForwarderFeeds.Mix, sdp: "offer");
        people[0].Forward(ForwarderSignalKind.Candidate, feed: ForwarderFeeds.Mix, candidate: "{}");
        test.Tick();
        forwarder.Requests.ShouldBe([
            (people[0].AvatarId, ForwarderSignalKind.Mix, ForwarderFeeds.Mix),
            (people[0].AvatarId, ForwarderSignalKind.Candidate, ForwarderFeeds.Mix),
        ]);
        var answer = people[0].ForwarderSignalsReceived().ShouldHaveSingleItem();
        (answer.Kind, answer.Feed, answer.Sdp).ShouldBe((ForwarderSignalKind.Mix, ForwarderFeeds.Mix, "mix answer"));

        var (small, smallForwarder, few) = Room(3);
        few[0].Forward(ForwarderSignalKind.Mix, sdp: "offer");
        small.Tick();
        smallForwarder.Requests.ShouldBeEmpty();
        var refusal = few[0].ForwarderSignalsReceived().ShouldHaveSingleItem();
        (refusal.Kind, refusal.Feed, refusal.Reason).ShouldBe((ForwarderSignalKind.Close, ForwarderFeeds.Mix, MediaRefuseReason.NotForwarded));
    }

    [Fact]
    public void When_the_room_empties_below_mixing_the_mix_connection_is_closed_on_both_sides()
    {
        var (test, forwarder, people) = Room(4);
        people[0].Forward(ForwarderSignalKind.Mix, feed: ForwarderFeeds.Mix, sdp: "offer");
        test.Tick();

        // Two leave: two people are still forwarded (a peer limit of 2), but two fewer than mixing began with.
        people[3].Session.Disconnected();
        people[2].Session.Disconnected();
        test.TickKeyframe();

        (Own(people[0]) & (Forwarded | Mixed)).ShouldBe(Forwarded);
        people[0].ForwarderSignalsReceived().ShouldContain(s => s.Kind == ForwarderSignalKind.Close && s.Feed == ForwarderFeeds.Mix);
        forwarder.Requests.ShouldContain((people[0].AvatarId, ForwarderSignalKind.Close, ForwarderFeeds.Mix));
    }

    [Fact]
    public void A_mixed_room_stays_mixed_until_it_is_two_smaller_and_then_closes_only_the_mix()
    {
        var (test, forwarder, people) = Room(6, mixFrom: 5);
        people[0].Forward(ForwarderSignalKind.Mix, feed: ForwarderFeeds.Mix, sdp: "offer");
        test.Tick();

        people[5].Session.Disconnected();
        test.TickKeyframe();
        (Own(people[0]) & Mixed).ShouldBe(Mixed, "one fewer: still mixed");

        people[4].Session.Disconnected();
        people[3].Session.Disconnected();
        test.TickKeyframe();
        (Own(people[0]) & (Forwarded | Mixed)).ShouldBe(Forwarded, "three left: forwarded, one feed per voice again");
        forwarder.Requests.ShouldContain((people[0].AvatarId, ForwarderSignalKind.Close, ForwarderFeeds.Mix));
        people[0].ForwarderSignalsReceived().ShouldContain(s => s.Kind == ForwarderSignalKind.Close && s.Feed == ForwarderFeeds.Mix);
    }

    [Fact]
    public void An_operators_mute_keeps_the_voice_out_of_the_mix_from_before_it_joins_until_the_mute_ends()
    {
        var (test, forwarder, people) = Room(4);
        test.World.Mute("p0", TimeSpan.FromSeconds(30));
        test.TickKeyframe();
        forwarder.Silenced.ShouldBeEmpty("the forwarder knows nothing of p0 yet");

        people[0].Forward(ForwarderSignalKind.Mix, feed: ForwarderFeeds.Mix, sdp: "offer");
        test.Tick();
        forwarder.Silenced.ToArray().ShouldBe([(people[0].AvatarId, true)], "told before the join reaches it");
        forwarder.Requests.ShouldContain((people[0].AvatarId, ForwarderSignalKind.Mix, ForwarderFeeds.Mix));

        test.Tick(TimeSpan.FromSeconds(31));
        test.TickKeyframe();
        forwarder.Silenced.ToArray().ShouldBe([(people[0].AvatarId, true), (people[0].AvatarId, false)]);
    }
}
