using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Media;

/// <summary>The server relays WebRTC negotiation between avatars near each other, and only between them;
/// what each sends (microphone, camera, screen, speaking) and an operator's mute show in their avatar state.</summary>
public class MediaSignalTests
{
    private const string Offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n";

    private static (TestWorld Test, TestClient A, TestClient B) Pair(int distanceCm, int? hearingRadiusCm = null)
    {
        var test = new TestWorld(TestWorld.Teleporting(), hearingRadiusCm: hearingRadiusCm);
        var a = test.Join("a");
        var b = test.Join("b");
        a.Move(50_000, 50_000);
        b.Move(50_000 + distanceCm, 50_000);
        test.Tick();
        return (test, a, b);
    }

    [Fact]
    public void An_offer_an_answer_and_candidates_reach_the_peer_named_as_coming_from_the_sender()
    {
        var (test, a, b) = Pair(1_000);

        a.Signal(b.AvatarId, MediaSignalKind.Offer, sdp: Offer);
        a.Signal(b.AvatarId, MediaSignalKind.Candidate, candidate: """{"candidate":"candidate:1 1 udp 1 127.0.0.1 5000 typ host"}""");
        b.Signal(a.AvatarId, MediaSignalKind.Answer, sdp: Offer);
        test.Tick();

        var toB = b.SignalsReceived();
        toB.Select(s => (s.Peer, s.Kind)).ShouldBe([(a.AvatarId, MediaSignalKind.Offer), (a.AvatarId, MediaSignalKind.Candidate)]);
        toB[0].Sdp.ShouldBe(Offer);
        toB[1].Candidate.ShouldContain("127.0.0.1 5000");
        var answer = a.SignalsReceived().ShouldHaveSingleItem();
        (answer.Peer, answer.Kind).ShouldBe((b.AvatarId, MediaSignalKind.Answer));
        a.RefusalsReceived().ShouldBeEmpty();
    }

    [Fact]
    public void People_beyond_hearing_are_not_connected_but_a_hang_up_still_reaches_them()
    {
        var (test, a, b) = Pair(new WorldOptions().HearingRadiusCm * 5 / 4 + 100);

        a.Signal(b.AvatarId, MediaSignalKind.Offer, sdp: Offer);
        a.Signal(b.AvatarId, MediaSignalKind.HangUp);
        test.Tick();

        var refused = a.RefusalsReceived().ShouldHaveSingleItem();
        (refused.Peer, refused.Reason).ShouldBe((b.AvatarId, MediaRefuseReason.TooFar));
        b.SignalsReceived().Select(s => s.Kind).ShouldBe([MediaSignalKind.HangUp]);
    }

    [Fact]
    public void In_a_world_with_its_own_hearing_radius_people_farther_apart_than_the_node_default_are_connected()
    {
        var across = new WorldOptions().HearingRadiusCm * 2; // beyond the default, within the room's radius
        var (test, a, b) = Pair(across, hearingRadiusCm: across + 500);

        a.Signal(b.AvatarId, MediaSignalKind.Offer, sdp: Offer);
        test.Tick();

        a.RefusalsReceived().ShouldBeEmpty();
        b.SignalsReceived().Select(s => (s.Peer, s.Kind)).ShouldBe([(a.AvatarId, MediaSignalKind.Offer)]);
        a.Connection.Received(f => f.Welcome).Single().Media.HearingRadiusCm.ShouldBe((uint)(across + 500));
    }

    [Fact]
    public void A_signal_to_nobody_or_to_oneself_is_refused_as_an_unknown_peer()
    {
        var (test, a, _) = Pair(500);

        a.Signal(424_242, MediaSignalKind.Offer, sdp: Offer);
        a.Signal(a.AvatarId, MediaSignalKind.Offer, sdp: Offer);
        test.Tick();

        a.RefusalsReceived().Select(r => r.Reason).ShouldBe([MediaRefuseReason.UnknownPeer, MediaRefuseReason.UnknownPeer]);
        a.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void Someone_in_do_not_disturb_gets_no_offers()
    {
        var (test, a, b) = Pair(500);
        b.Media(doNotDisturb: true);
        test.Tick();

        a.Signal(b.AvatarId, MediaSignalKind.Offer, sdp: Offer);
        test.Tick();

        a.RefusalsReceived().ShouldHaveSingleItem().Reason.ShouldBe(MediaRefuseReason.DoNotDisturb);
        b.SignalsReceived().ShouldBeEmpty();
    }

    [Fact]
    public void What_someone_sends_shows_in_their_avatar_state_for_the_others()
    {
        var (test, a, b) = Pair(500);

        a.Media(microphone: true, camera: true, speaking: true);
        test.Tick();

        var seen = b.Sync().Avatars[a.AvatarId].Media;
        seen.ShouldBe((uint)(MediaFlags.Microphone | MediaFlags.Camera | MediaFlags.Speaking));
        a.Media(microphone: true);
        test.Tick();
        b.Sync().Avatars[a.AvatarId].Media.ShouldBe((uint)MediaFlags.Microphone);
    }

    [Fact]
    public void An_operators_mute_silences_the_avatar_for_everyone_until_it_ends()
    {
        var (test, a, b) = Pair(500);
        a.Media(microphone: true);
        test.Tick();

        test.World.Mute("a", TimeSpan.FromSeconds(30));
        for (var i = 0; i < new WorldOptions().KeyframeTicks; i++) test.Tick();
        b.Sync().Avatars[a.AvatarId].Media.ShouldBe((uint)(MediaFlags.Microphone | MediaFlags.Silenced));

        test.Tick(TimeSpan.FromSeconds(31));
        for (var i = 0; i < new WorldOptions().KeyframeTicks; i++) test.Tick();
        b.Sync().Avatars[a.AvatarId].Media.ShouldBe((uint)MediaFlags.Microphone);
    }

    [Fact]
    public void A_signal_flood_is_refused_then_closed_with_4029()
    {
        var (test, a, b) = Pair(500);

        for (var i = 0; i < 400 && !a.Session.IsClosed; i++)
            a.Signal(b.AvatarId, MediaSignalKind.Candidate, candidate: "{}");
        test.Tick();

        a.RefusalsReceived().ShouldContain(r => r.Reason == MediaRefuseReason.TooFast);
        a.Connection.CloseCode.ShouldBe(WorldCloseCodes.RateLimited);
        b.SignalsReceived().Count.ShouldBeLessThanOrEqualTo(new WorldOptions().SignalBurst);
    }

    [Fact]
    public void A_session_description_may_be_large_but_no_other_message_may()
    {
        var (test, a, b) = Pair(500);
        var options = new WorldOptions();

        a.Signal(b.AvatarId, MediaSignalKind.Offer, sdp: new string('a', options.MaxSignalFrameBytes - 64));
        test.Tick();
        b.SignalsReceived().ShouldHaveSingleItem();

        a.Send(new ClientFrame { Chat = new ChatSend { Text = new string('x', options.MaxClientFrameBytes) } });
        a.Connection.CloseCode.ShouldBe(WorldCloseCodes.FrameTooBig);
    }

    [Theory]
    [InlineData(0u, MediaSignalKind.Offer, "v=0")]
    [InlineData(2u, MediaSignalKind.Unspecified, "")]
    [InlineData(2u, (MediaSignalKind)42, "")]
    [InlineData(2u, MediaSignalKind.Answer, "")]
    public void A_signal_without_a_peer_a_kind_or_its_description_closes_with_4000(uint peer, MediaSignalKind kind, string sdp)
    {
        var (_, a, _) = Pair(500);
        a.Signal(peer, kind, sdp);
        a.Connection.CloseCode.ShouldBe(WorldCloseCodes.MalformedFrame);
    }

    [Fact]
    public void Welcome_tells_the_hearing_radius_the_peer_limit_and_the_ice_servers()
    {
        var options = new WorldOptions { IceServers = [new IceServerOptions(["turn:turn.example.org:3478"], "lj", "secret")] };
        var test = new TestWorld(options);
        var a = test.Join("a");

        var welcome = a.Connection.Received(f => f.Welcome).Single();
        welcome.Media.HearingRadiusCm.ShouldBe((uint)options.HearingRadiusCm);
        welcome.Media.PeerLimit.ShouldBe((uint)options.MediaPeerLimit);
        var turn = welcome.Media.IceServers.ShouldHaveSingleItem();
        (turn.Urls.Single(), turn.Username, turn.Credential).ShouldBe(("turn:turn.example.org:3478", "lj", "secret"));
        welcome.Limits.MaxSignalFrameBytes.ShouldBe((uint)options.MaxSignalFrameBytes);
    }
}
