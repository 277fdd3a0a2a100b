using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Nodes;

/// <summary>People connected to different nodes of one world: they see each other by name, chat, play emotes,
/// negotiate media, and moderation decided on one node holds on the other.</summary>
public class CrossNodeTests
{
    private readonly TwoNodes nodes = new();

    [Fact]
    public void Avatars_of_the_other_node_arrive_with_their_profiles_and_leave_with_a_departure()
    {
        var ana = nodes.Join(nodes.A, "ana", "Ana");
        var ben = nodes.Join(nodes.B, "ben", "Ben");
        nodes.Tick(12); // Ana stood still before Ben's node watched her cell: she arrives with the next keyframe

        ana.Sync().Profiles[ben.AvatarId].DisplayName.ShouldBe("Ben");
        ben.Sync().Profiles[ana.AvatarId].DisplayName.ShouldBe("Ana");
        ben.Mirror.Avatars.Keys.ShouldBe([ana.AvatarId, ben.AvatarId], ignoreOrder: true);
        nodes.WorldA.RemotePopulation.ShouldBe(1);

        ben.Session.Disconnected();
        nodes.Tick(2);
        ana.Sync().Profiles.Keys.ShouldBe([ana.AvatarId]);
        ana.Mirror.Avatars.Keys.ShouldBe([ana.AvatarId]);
        nodes.WorldA.RemotePopulation.ShouldBe(0);
    }

    [Fact]
    public void A_newcomer_on_one_node_is_told_of_everyone_the_other_node_already_holds()
    {
        var ana = nodes.Join(nodes.A, "ana", "Ana");
        nodes.Tick(12); // past a keyframe: nothing of Ana's is in flight any more
        var ben = nodes.Join(nodes.B, "ben", "Ben");
        nodes.Tick(12);

        ben.Sync().Profiles[ana.AvatarId].DisplayName.ShouldBe("Ana");
        ben.Mirror.Avatars.Keys.ShouldContain(ana.AvatarId);
    }

    [Fact]
    public void Names_stay_distinct_across_nodes()
    {
        nodes.Join(nodes.A, "wang-1", "Wang Wei");
        nodes.Tick();
        var second = nodes.Join(nodes.B, "wang-2", "Wang Wei");
        nodes.Tick();

        second.Sync().Profiles[second.AvatarId].DisplayName.ShouldBe("Wang Wei #2");
    }

    [Fact]
    public void World_chat_reaches_the_other_node_and_its_history_nearby_chat_only_who_is_near()
    {
        var ana = nodes.Join(nodes.A, "ana");
        var near = nodes.Join(nodes.B, "near");
        var far = nodes.Join(nodes.B, "far");
        far.Move(90_000, 90_000);
        nodes.Tick(2);

        ana.Chat("hello park", ChatScope.World);
        ana.Chat("hello you", ChatScope.Nearby);
        nodes.Tick(2);

        near.ChatsReceived().Select(c => c.Text).ShouldBe(["hello park", "hello you"]);
        far.ChatsReceived().Select(c => c.Text).ShouldBe(["hello park"]);
        near.ChatsReceived()[0].SenderId.ShouldBe(ana.AvatarId);

        var late = nodes.Join(nodes.B, "late");
        late.Connection.Received(f => f.ChatHistory).Single().Messages.Select(m => m.Text).ShouldBe(["hello park"]);
    }

    [Fact]
    public void Chat_ids_from_different_nodes_never_collide()
    {
        var ana = nodes.Join(nodes.A, "ana");
        var ben = nodes.Join(nodes.B, "ben");
        ana.Chat("one", ChatScope.World);
        ben.Chat("two", ChatScope.World);
        nodes.Tick(2);

        var ids = ana.ChatsReceived().Select(c => c.Id).ToList();
        ids.Count.ShouldBe(2);
        ids.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Emotes_are_seen_by_viewers_on_the_other_node()
    {
        var ana = nodes.Join(nodes.A, "ana");
        var ben = nodes.Join(nodes.B, "ben");
        nodes.Tick(2);

        ana.Send(new ClientFrame { Emote = new EmoteSend { Emote = 3 } });
        nodes.Tick(2);

        ben.Connection.Received(f => f.Emote).Single().ShouldSatisfyAllConditions(
            e => e.AvatarId.ShouldBe(ana.AvatarId),
            e => e.Emote.ShouldBe(3u));
    }

    [Fact]
    public void Media_signals_cross_nodes_and_a_peer_out_of_reach_is_refused()
    {
        var ana = nodes.Join(nodes.A, "ana");
        var ben = nodes.Join(nodes.B, "ben");
        var far = nodes.Join(nodes.B, "far");
        far.Move(90_000, 90_000);
        nodes.Tick(2);

        ana.Signal(ben.AvatarId, MediaSignalKind.Offer, sdp: "v=0 offer");
        ana.Signal(far.AvatarId, MediaSignalKind.Offer, sdp: "v=0 offer");
        nodes.Tick(2);
        var offer = ben.SignalsReceived().Single();
        (offer.Peer, offer.Kind, offer.Sdp).ShouldBe((ana.AvatarId, MediaSignalKind.Offer, "v=0 offer"));
        far.SignalsReceived().ShouldBeEmpty();
        ana.RefusalsReceived().Single().ShouldSatisfyAllConditions(
            r => r.Peer.ShouldBe(far.AvatarId),
            r => r.Reason.ShouldBe(MediaRefuseReason.TooFar));

        ben.Signal(ana.AvatarId, MediaSignalKind.Answer, sdp: "v=0 answer");
        nodes.Tick(2);
        ana.SignalsReceived().Single().ShouldSatisfyAllConditions(
            s => s.Peer.ShouldBe(ben.AvatarId),
            s => s.Sdp.ShouldBe("v=0 answer"));
    }

    [Fact]
    public void Do_not_disturb_on_the_other_node_refuses_a_call()
    {
        var ana = nodes.Join(nodes.A, "ana");
        var ben = nodes.Join(nodes.B, "ben");
        ben.Media(doNotDisturb: true);
        nodes.Tick(2);

        ana.Signal(ben.AvatarId, MediaSignalKind.Offer, sdp: "v=0");
        nodes.Tick(2);

        ben.SignalsReceived().ShouldBeEmpty();
        ana.RefusalsReceived().Single().Reason.ShouldBe(MediaRefuseReason.DoNotDisturb);
    }

    [Fact]
    public void Removal_and_mute_decided_on_one_node_hold_on_the_other()
    {
        var troll = nodes.Join(nodes.B, "troll");
        var loud = nodes.Join(nodes.B, "loud");
        nodes.Tick();

        nodes.WorldA.Remove("troll");
        nodes.WorldA.Mute("loud", TimeSpan.FromMinutes(5));
        nodes.Tick(2);

        troll.Session.CloseCode.ShouldBe(WorldCloseCodes.Removed);
        nodes.WorldB.IsBanned("troll").ShouldBeTrue();
        loud.Connection.Received(f => f.Muted).ShouldHaveSingleItem();
        nodes.WorldB.MutedUntil("loud").ShouldNotBeNull();

        var again = nodes.Join(nodes.B, "troll");
        again.Session.CloseCode.ShouldBe(WorldCloseCodes.Removed);
    }

    [Fact]
    public void A_zone_wide_ban_on_one_node_bars_the_person_from_the_other()
    {
        var troll = nodes.Join(nodes.B, "troll");
        nodes.A.BanEverywhere("troll", TimeSpan.FromHours(1));

        troll.Session.CloseCode.ShouldBe(WorldCloseCodes.Removed);
        nodes.B.IsBannedEverywhere("troll").ShouldBeTrue();
        nodes.A.LiftBanEverywhere("troll");
        nodes.B.IsBannedEverywhere("troll").ShouldBeFalse();
    }

    [Fact]
    public void The_same_person_connecting_through_the_other_node_replaces_the_older_connection()
    {
        var first = nodes.Join(nodes.A, "ana");
        nodes.Tick();
        var second = nodes.Join(nodes.B, "ana");
        nodes.Tick(2);

        first.Session.CloseCode.ShouldBe(WorldCloseCodes.Replaced);
        second.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void A_reconnecting_client_stands_where_it_said_it_stood_within_the_bounds()
    {
        var back = nodes.Join(nodes.B, "ana", resumeAt: new Vec3 { X = 61_000, Y = 0, Z = 42_000 });
        back.Connection.Received(f => f.Welcome).Single().Spawn.ShouldSatisfyAllConditions(
            s => s.X.ShouldBe(61_000),
            s => s.Z.ShouldBe(42_000));

        var outside = nodes.Join(nodes.B, "ben", resumeAt: new Vec3 { X = 500_000, Y = 0, Z = -20 });
        outside.Connection.Received(f => f.Welcome).Single().Spawn.ShouldSatisfyAllConditions(
            s => s.X.ShouldBe(TestWorld.Bounds.MaxX),
            s => s.Z.ShouldBe(TestWorld.Bounds.MinZ));
    }
}
