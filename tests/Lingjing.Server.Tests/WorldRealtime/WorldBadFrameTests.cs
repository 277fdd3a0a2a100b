using Lingjing.Server.Features.World.Realtime;
using Lingjing.World;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>Absurd length prefixes, in the WebSocket frame header or inside the protobuf envelope: 4000 for that connection only.</summary>
[Collection(WorldRealtimeCollection.Name)]
public sealed class WorldBadFrameTests(WorldRealtimeFixture fixture)
{
    [Theory]
    [InlineData(1UL << 40)] // a terabyte, never sent
    [InlineData(ulong.MaxValue)] // the top bit set: RFC 6455 forbids it
    public async Task Frame_header_announcing_an_absurd_length_closes_that_connection_with_4000_before_any_payload(ulong announced)
    {
        await using var bystander = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[9]), fixture.WorldA);
        await using var raw = await RawWorldSocket.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[10]));

        await raw.SendHeaderAsync(announced);

        var (code, reason) = await raw.ReadCloseAsync(TimeSpan.FromSeconds(15));
        code.ShouldBe(WorldCloseCodes.MalformedFrame);
        reason.ShouldBe("malformed frame: absurd length");
        await bystander.MoveAsync(bystander.Welcome!.Spawn.X + 40, bystander.Welcome.Spawn.Z);
        await bystander.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Snapshot && f.Snapshot.AckInputSeq == 1);
    }

    [Fact]
    public async Task Frame_header_announcing_more_than_the_limit_closes_with_1009_without_waiting_for_the_payload()
    {
        await using var raw = await RawWorldSocket.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[10]));
        await raw.SendHeaderAsync(100_000);
        (await raw.ReadCloseAsync(TimeSpan.FromSeconds(15))).Code.ShouldBe(WorldCloseCodes.FrameTooBig);
    }

    [Fact]
    public async Task First_frame_with_an_absurd_protobuf_length_prefix_is_closed_with_4000_not_dropped()
    {
        await using var bystander = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[9]), fixture.WorldA);
        await using var client = await WorldTestClient.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[11]));

        // ClientFrame.chat announcing 2^31-1 bytes: the parser fails with an overflow, not its own exception type.
        await client.SendRawAsync([0x1A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07]);

        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.MalformedFrame);
        await bystander.MoveAsync(bystander.Welcome!.Spawn.X + 40, bystander.Welcome.Spawn.Z);
        await bystander.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Snapshot && f.Snapshot.AckInputSeq == 1);
    }
}
