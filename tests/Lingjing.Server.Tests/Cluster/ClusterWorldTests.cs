using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World.Cluster;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.WorldRealtime;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>One world across nodes: people connected to different nodes see each other move, chat and reach each other
/// for media; what the world must remember (bans, its chat history) outlives every node that held it.</summary>
public sealed class ClusterWorldTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task People_on_different_nodes_see_each_other_move_chat_and_negotiate_media()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(2, kestrel: true);
        var (first, second) = (cluster.Nodes[0], cluster.Nodes[1]);
        await TestUsers.CreateAsync(first, "ana@cluster.test", Roles.Employee);
        await TestUsers.CreateAsync(first, "ben@cluster.test", Roles.Employee);
        var spot = new Vec3 { X = 0, Y = 0, Z = 0 };
        await using var ana = await WorldTestClient.JoinAsync(first.BaseAddress!, await first.TokenAsync("ana@cluster.test", TestUsers.Password), WorldIds.Zone, spot);
        spot = ana.Welcome!.Spawn;
        await using var ben = await WorldTestClient.JoinAsync(second.BaseAddress!, await second.TokenAsync("ben@cluster.test", TestUsers.Password), WorldIds.Zone, spot);
        var (anaId, benId) = (ana.Welcome.AvatarId, ben.Welcome!.AvatarId);
        (anaId >> 24).ShouldNotBe(benId >> 24, "each node hands out avatar ids of its own");

        // Ben walks a few steps on his node; Ana's node shows him there, with his name.
        await Task.Delay(500);
        var (x, z) = (spot.X + 300, spot.Z + 200);
        var joined = ana.WaitForAsync(f => f.AvatarsJoined?.Avatars.Any(a => a.Id == benId && a.DisplayName == "ben") == true, Wait);
        await ben.MoveAsync(x, z);
        await joined;
        await ana.WaitForAsync(f => WorldTestClient.Shows(f, benId, x, z), Wait);

        // World chat crosses the nodes.
        await ben.SendAsync(new ClientFrame { Chat = new ChatSend { Scope = ChatScope.World, Text = "hello from the other node" } });
        var chat = await ana.WaitForAsync(f => f.Chat is not null, Wait);
        (chat.Chat.SenderId, chat.Chat.Text).ShouldBe((benId, "hello from the other node"));

        // A call offer crosses them too, named as coming from Ana.
        await ana.SendAsync(new ClientFrame { MediaSignal = new MediaSignal { Peer = benId, Kind = MediaSignalKind.Offer, Sdp = "v=0 offer" } });
        var offer = await ben.WaitForAsync(f => f.MediaSignal is not null, Wait);
        (offer.MediaSignal.Peer, offer.MediaSignal.Sdp).ShouldBe((anaId, "v=0 offer"));
    }

    [Fact]
    public async Task Bans_and_the_world_chat_history_outlive_every_node_that_held_the_world()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(2, kestrel: true);
        var node = cluster.Nodes[0];
        await TestUsers.CreateAsync(node, "official@cluster.test", Roles.Government);
        var troll = await TestUsers.CreateAsync(node, "troll@cluster.test", Roles.Employee);
        await TestUsers.CreateAsync(node, "ana@cluster.test", Roles.Employee);
        await using (var ana = await WorldTestClient.JoinAsync(node.BaseAddress!, await node.TokenAsync("ana@cluster.test", TestUsers.Password), WorldIds.Zone))
        {
            await ana.SendAsync(new ClientFrame { Chat = new ChatSend { Scope = ChatScope.World, Text = "remember me" } });
            await ana.WaitForAsync(f => f.Chat?.Text == "remember me", Wait);
        }
        using var government = await node.SignedInAsync("official@cluster.test", TestUsers.Password);
        (await government.PostAsJsonAsync("/api/v1/world/bans", new { userId = troll.Id, minutes = 60 })).EnsureSuccessStatusCode();
        await Task.Delay(1_000); // the owners save what they heard at the nodes' next exchange

        await cluster.StopAllAsync();
        await cluster.AddNodesAsync(1, kestrel: true);
        var fresh = cluster.Nodes[0];

        var host = fresh.Service<WorldHost>();
        await ClusterNodesHarness.UntilAsync(() => host.Node.IsBannedEverywhere(troll.Id.ToString()), "the new node to learn of the ban");
        await using var refused = await WorldTestClient.ConnectAsync(fresh.BaseAddress!, await fresh.TokenAsync("troll@cluster.test", TestUsers.Password));
        await refused.SendAsync(new ClientFrame { Hello = new Hello { WorldId = WorldIds.Zone, ProtocolVersion = 1 } });
        (await refused.WaitForCloseAsync()).ShouldBe(4003);

        await using var back = await WorldTestClient.ConnectAsync(fresh.BaseAddress!, await fresh.TokenAsync("ana@cluster.test", TestUsers.Password));
        var bus = fresh.Service<ClusterWorldBus>();
        await ClusterNodesHarness.UntilAsync(() => bus.IsAttached(WorldIds.Zone), "the zone's owner to take the new node in");
        await back.SendAsync(new ClientFrame { Hello = new Hello { WorldId = WorldIds.Zone, ProtocolVersion = 1 } });
        var history = await back.WaitForAsync(f => f.ChatHistory is not null, Wait);
        history.ChatHistory.Messages.Select(m => m.Text).ShouldContain("remember me");
    }
}
