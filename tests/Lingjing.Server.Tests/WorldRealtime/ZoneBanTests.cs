using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.World;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Tests.WorldRealtime;

[Collection(WorldRealtimeCollection.Name)]
public sealed class ZoneBanTests(WorldRealtimeFixture fixture)
{
    [Fact]
    public async Task Government_ban_removes_a_person_from_the_world_they_are_in_and_bars_them_from_every_other_world()
    {
        var troll = fixture.Visitors[8];
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(troll), $"park-{fixture.ParkB}");
        using var http = await fixture.ClientAsync(fixture.Government);

        var response = await http.PostAsJsonAsync("/api/v1/world/bans",
            new { worldId = $"park-{fixture.ParkB}", avatarId = client.Welcome!.AvatarId, minutes = 30 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Kicked)).Kicked.Reason.ShouldBe("removed from every world of the zone");
        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.Removed);
        foreach (var world in new[] { fixture.WorldA, "zone", fixture.ClosedWorld })
        {
            await using var attempt = await WorldTestClient.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(troll));
            await attempt.SendAsync(new ClientFrame { Hello = new Hello { WorldId = world, ProtocolVersion = 1 } });
            (await attempt.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.Removed, world);
        }

        (await http.DeleteAsync($"/api/v1/world/bans/{troll.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var back = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(troll), fixture.WorldA);
        back.Welcome!.WorldId.ShouldBe(fixture.WorldA);
    }

    [Fact]
    public async Task Park_operator_cannot_ban_zone_wide()
    {
        using var http = await fixture.ClientAsync(fixture.OperatorA);
        var response = await http.PostAsJsonAsync("/api/v1/world/bans", new { userId = fixture.Visitors[1].Id, minutes = 5 });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("not-a-guid", 5)]
    [InlineData("5f0c1b9e-3c55-4c41-9a7f-0d2f5f6b6c11", 0)]
    [InlineData("5f0c1b9e-3c55-4c41-9a7f-0d2f5f6b6c11", 50_000)]
    public async Task Invalid_ban_request_gets_400_problem(string userId, int minutes)
    {
        using var http = await fixture.ClientAsync(fixture.Government);
        var response = await http.PostAsJsonAsync("/api/v1/world/bans", new { userId, minutes });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Invalid ban request");
    }
}
