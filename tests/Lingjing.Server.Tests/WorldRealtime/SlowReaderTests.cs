using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.World.Protocol;
using Lingjing.World;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>
/// A client that stops reading while the world keeps sending to it is closed with 4008 once its backlog
/// passes the documented bound, with a close frame it can still read (not a reset), while another client
/// in the same world keeps being served. Its own server: chat limits are raised so one talker can fill
/// the backlog in seconds.
/// </summary>
public sealed class SlowReaderTests
{
    [Fact]
    public async Task Client_that_stops_reading_is_closed_with_4008_while_another_client_keeps_receiving()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, new Dictionary<string, string?>
        {
            ["Lingjing:World:ChatPerMinute"] = "600000",
            ["Lingjing:World:ChatBurst"] = "100000",
        }, kestrel: true);
        int parkId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Lingjing.Server.Infrastructure.Data.LingjingDbContext>();
            var park = new Lingjing.Server.Features.Zone.Park
            {
                Code = "SLOW", NameZh = "慢", NameEn = "Slow", AddressZh = "", AddressEn = "", AllowsGuests = true,
                Boundary = "[[-100,-100],[100,-100],[100,100],[-100,100]]",
            };
            db.Set<Park>().Add(park);
            await db.SaveChangesAsync();
            parkId = park.Id;
        }
        var world = $"park-{parkId}";
        var reader = await TestUsers.CreateAsync(app, "stops.reading@world.test", Lingjing.Server.Features.Accounts.Roles.Employee);
        var talker = await TestUsers.CreateAsync(app, "talker@world.test", Lingjing.Server.Features.Accounts.Roles.Employee);
        var metrics = app.Services.GetRequiredService<WorldHost>().Node.Metrics;

        await using var stalled = await WorldTestClient.ConnectWithSmallReceiveBufferAsync(app.BaseAddress!, await app.TokenAsync(reader.Email!, TestUsers.Password), 4_096);
        await stalled.SendAsync(new ClientFrame { Hello = new Hello { WorldId = world, ProtocolVersion = 1 } });
        // From here on the stalled client reads nothing.
        await using var active = await WorldTestClient.JoinAsync(app.BaseAddress!, await app.TokenAsync(talker.Email!, TestUsers.Password), world);

        var line = new string('灵', 280); // 840 bytes of UTF-8
        var chatsSent = 0;
        var chatsBack = 0;
        while (!metrics.ClosedByCode.ContainsKey(WorldCloseCodes.TooSlow))
        {
            chatsSent.ShouldBeLessThan(20_000, "the client that stopped reading was never closed");
            await active.SendAsync(new ClientFrame { Chat = new ChatSend { Scope = ChatScope.World, Text = line } });
            chatsSent++;
            // The talker reads its own chats as they come back: it is never the slow one.
            for (; chatsBack < chatsSent - 20; chatsBack++)
                await active.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Chat);
        }

        // The talker is still served: its move is acknowledged.
        await active.MoveAsync(active.Welcome!.Spawn.X + 30, active.Welcome.Spawn.Z);
        await active.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Snapshot && f.Snapshot.AckInputSeq == 1);
        // The stalled client reads again: behind the backlog it finds a close frame with 4008, not a reset.
        (await stalled.WaitForCloseAsync(TimeSpan.FromSeconds(30))).ShouldBe(WorldCloseCodes.TooSlow);
        stalled.CloseDescription.ShouldBe("client too slow");
        chatsSent.ShouldBeGreaterThan(50);
    }
}
