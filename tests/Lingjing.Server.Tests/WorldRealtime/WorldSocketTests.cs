using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Lingjing.World;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Tests.WorldRealtime;

[Collection(WorldRealtimeCollection.Name)]
public sealed class WorldSocketTests(WorldRealtimeFixture fixture)
{
    [Fact]
    public async Task Unauthenticated_upgrade_is_refused_with_401()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(WorldTestClient.SocketUri(fixture.BaseAddress), CancellationToken.None));
        socket.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invalid_bearer_token_is_refused_with_401()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer not-a-token");
        await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(WorldTestClient.SocketUri(fixture.BaseAddress), CancellationToken.None));
        socket.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bearer_token_in_header_joins_the_park_world()
    {
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[0]), fixture.WorldA);
        client.Welcome!.WorldId.ShouldBe(fixture.WorldA);
        client.Welcome.AvatarId.ShouldBeGreaterThan(0u);
        client.Welcome.InterestManagement.ShouldBeTrue();
    }

    [Fact]
    public async Task Access_token_in_the_query_joins_the_zone_world()
    {
        await using var client = await WorldTestClient.ConnectWithQueryTokenAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[1]));
        await client.SendAsync(new ClientFrame { Hello = new Hello { WorldId = "zone", ProtocolVersion = 1 } });
        var welcome = await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Welcome);
        welcome.Welcome.WorldId.ShouldBe("zone");
    }

    [Fact]
    public async Task Hello_to_an_unknown_park_is_rejected_with_4002()
    {
        await using var client = await WorldTestClient.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[2]));
        await client.SendAsync(new ClientFrame { Hello = new Hello { WorldId = "park-987654", ProtocolVersion = 1 } });
        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.HelloRejected);
    }

    [Fact]
    public async Task Two_clients_see_each_other_move()
    {
        await using var first = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[0]), fixture.WorldA);
        await using var second = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[1]), fixture.WorldA);

        await first.MoveAsync(first.Welcome!.Spawn.X + 100, first.Welcome.Spawn.Z);
        await second.WaitForAsync(f => WorldTestClient.Shows(f, first.Welcome.AvatarId, first.Welcome.Spawn.X + 100, first.Welcome.Spawn.Z));

        await second.MoveAsync(second.Welcome!.Spawn.X, second.Welcome.Spawn.Z - 100);
        await first.WaitForAsync(f => WorldTestClient.Shows(f, second.Welcome.AvatarId, second.Welcome.Spawn.X, second.Welcome.Spawn.Z - 100));
    }

    [Fact]
    public async Task Other_clients_learn_the_stored_look_and_display_name()
    {
        var visitor = fixture.Visitors[3];
        using (var http = await fixture.ClientAsync(visitor))
        {
            var put = await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "robot", bodyColor = "#112233", outfitColor = "#445566", accessory = 2 });
            put.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await using var watcher = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[4]), fixture.WorldA);
        await using var styled = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor), fixture.WorldA);

        var joined = await watcher.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.AvatarsJoined
            && f.AvatarsJoined.Avatars.Any(a => a.Id == styled.Welcome!.AvatarId));
        var profile = joined.AvatarsJoined.Avatars.Single(a => a.Id == styled.Welcome!.AvatarId);
        profile.DisplayName.ShouldBe(visitor.DisplayName);
        profile.Look.Model.ShouldBe("robot");
        profile.Look.BodyColor.ShouldBe(0x112233u);
        profile.Look.Accessory.ShouldBe(2u);
    }

    [Fact]
    public async Task Malformed_frame_closes_only_that_connection_with_4000()
    {
        await using var healthy = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[0]), fixture.WorldA);
        await using var broken = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[1]), fixture.WorldA);

        await broken.SendRawAsync([0xFF, 0xFF, 0xFF, 0x01, 0x02]);
        (await broken.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.MalformedFrame);

        // The other client is still served: its moves are acknowledged in new snapshots.
        for (var step = 1; step <= 3; step++)
        {
            await healthy.MoveAsync(healthy.Welcome!.Spawn.X + step * 50, healthy.Welcome.Spawn.Z);
            await healthy.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Snapshot && f.Snapshot.AckInputSeq == (uint)step);
        }
    }

    [Fact]
    public async Task Text_frame_is_closed_with_1003()
    {
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[5]), fixture.WorldA);
        await client.SendRawAsync("{\"hello\":1}"u8.ToArray(), WebSocketMessageType.Text);
        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.UnsupportedData);
    }

    [Fact]
    public async Task Oversized_frame_is_closed_with_1009()
    {
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[5]), fixture.WorldA);
        await client.SendRawAsync(new byte[64 * 1024]);
        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.FrameTooBig);
    }

    [Fact]
    public async Task Ping_flood_is_throttled_then_closed_with_4029()
    {
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[6]), fixture.WorldA);
        const int sent = 200;
        for (var i = 1; i <= sent; i++)
            await client.SendAsync(new ClientFrame { Ping = new Ping { ClientTimeMs = (uint)i } });

        var pongs = 0;
        while (await client.ReceiveAsync() is { } frame)
            if (frame.BodyCase == ServerFrame.BodyOneofCase.Pong) pongs++;

        ((int?)client.CloseStatus).ShouldBe(WorldCloseCodes.RateLimited);
        pongs.ShouldBeGreaterThan(0);
        pongs.ShouldBeLessThan(sent / 4);
    }
}
