using System.Net.WebSockets;
using Google.Protobuf;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.World;
using Lingjing.World.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>
/// Bad input over real sockets: random, truncated, oversized, text and out-of-order frames and peers
/// that vanish mid-message. (The engine's own fuzz test sends 120,000 frames through the session API;
/// this one checks the WebSocket adapter end to end.)
/// </summary>
[Collection(WorldRealtimeCollection.Name)]
public sealed class WorldSocketFuzzTests(WorldRealtimeFixture fixture)
{
    private const int Connections = 300;

    private static readonly int[] DocumentedCodes =
    [
        WorldCloseCodes.UnsupportedData, WorldCloseCodes.FrameTooBig, WorldCloseCodes.MalformedFrame,
        WorldCloseCodes.OutOfOrder, WorldCloseCodes.HelloRejected,
    ];

    [Fact]
    public async Task Bad_connections_are_closed_with_documented_codes_while_a_bystander_is_served_and_nothing_leaks()
    {
        var host = fixture.App.Services.GetRequiredService<WorldHost>();
        var token = await fixture.TokenAsync(fixture.Visitors[2]);
        await using var bystander = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[3]), fixture.WorldA);
        var random = new Random(20_261_124);
        var codes = new Dictionary<int, int>();
        var framesSent = 0;

        for (var i = 0; i < Connections; i++)
        {
            var client = await WorldTestClient.ConnectAsync(fixture.BaseAddress, token);
            await using (client)
            {
                var kind = i % 6;
                if (kind == 5)
                {
                    // A peer that vanishes in the middle of a message.
                    await client.SendPartialAsync(RandomBytes(random, 100));
                    client.Abort();
                    continue;
                }
                foreach (var frame in BadConversation(random, kind, fixture.WorldA))
                {
                    if (client.State != WebSocketState.Open) break;
                    try
                    {
                        await client.SendRawAsync(frame.Bytes, frame.Type);
                        framesSent++;
                    }
                    catch (WebSocketException)
                    {
                        break; // the server already closed it
                    }
                }
                var code = await client.WaitForCloseAsync();
                code.ShouldNotBeNull($"connection {i} (kind {kind}) was dropped without a close code");
                DocumentedCodes.ShouldContain(code.Value);
                codes[code.Value] = codes.GetValueOrDefault(code.Value) + 1;
            }
            if (i % 50 == 0)
            {
                await bystander.MoveAsync(bystander.Welcome!.Spawn.X + i, bystander.Welcome.Spawn.Z);
                await bystander.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Snapshot);
            }
        }

        framesSent.ShouldBeGreaterThan(Connections);
        codes.Keys.Count.ShouldBeGreaterThanOrEqualTo(4);
        // Only the bystander is left connected once the server has noticed every vanished peer.
        await Eventually(() => host.Node.Metrics.ConnectedSessions == 1);
    }

    private static IEnumerable<(byte[] Bytes, WebSocketMessageType Type)> BadConversation(Random random, int kind, string world)
    {
        var hello = new ClientFrame { Hello = new Hello { WorldId = world, ProtocolVersion = 1 } }.ToByteArray();
        switch (kind)
        {
            case 0: // random bytes (usually not a ClientFrame)
                yield return (hello, WebSocketMessageType.Binary);
                for (var i = 0; i < 20; i++) yield return (RandomBytes(random, random.Next(1, 64)), WebSocketMessageType.Binary);
                break;
            case 1: // a valid Input cut short
                yield return (hello, WebSocketMessageType.Binary);
                var input = new ClientFrame { Input = new Input { Seq = 1, X = 100, Z = 100, Heading = 300 } }.ToByteArray();
                yield return (input[..^2], WebSocketMessageType.Binary);
                break;
            case 2: // larger than the limit
                yield return (RandomBytes(random, 16_385 + random.Next(60_000)), WebSocketMessageType.Binary); // above the signal frame limit
                break;
            case 3: // Input before Hello, or a second Hello, or a sequence going backwards
                if (random.Next(2) == 0)
                {
                    yield return (new ClientFrame { Input = new Input { Seq = 1 } }.ToByteArray(), WebSocketMessageType.Binary);
                }
                else
                {
                    yield return (hello, WebSocketMessageType.Binary);
                    yield return (new ClientFrame { Input = new Input { Seq = 5, X = 10 } }.ToByteArray(), WebSocketMessageType.Binary);
                    yield return (new ClientFrame { Input = new Input { Seq = 4, X = 20 } }.ToByteArray(), WebSocketMessageType.Binary);
                }
                break;
            case 4: // text, or a Hello for a world that does not exist
                yield return random.Next(2) == 0
                    ? ("hello"u8.ToArray(), WebSocketMessageType.Text)
                    : (new ClientFrame { Hello = new Hello { WorldId = "nowhere", ProtocolVersion = 1 } }.ToByteArray(), WebSocketMessageType.Binary);
                break;
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(100);
        }
    }
}
