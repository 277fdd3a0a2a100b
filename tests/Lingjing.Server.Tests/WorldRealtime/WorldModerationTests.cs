using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.World;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Tests.WorldRealtime;

[Collection(WorldRealtimeCollection.Name)]
public sealed class WorldModerationTests(WorldRealtimeFixture fixture)
{
    [Fact]
    public async Task Operator_mutes_a_user_in_their_park_and_the_user_is_told()
    {
        var visitor = fixture.Visitors[0];
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor), fixture.WorldA);
        using var http = await fixture.ClientAsync(fixture.OperatorA);

        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/mute", new { userId = visitor.Id, minutes = 5 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var muted = await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Muted);
        muted.Muted.UntilMs.ShouldBeGreaterThan((ulong)TestClock.Now.ToUnixTimeMilliseconds());
        await client.SendAsync(new ClientFrame { Chat = new ChatSend { Scope = ChatScope.World, Text = "hello" } });
        await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Muted);
    }

    [Fact]
    public async Task Operator_removes_a_user_who_is_closed_with_4003_and_barred()
    {
        var visitor = fixture.Visitors[7];
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor), fixture.WorldA);
        using var http = await fixture.ClientAsync(fixture.OperatorA);

        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/remove", new { userId = visitor.Id });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Kicked);
        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.Removed);

        await using var again = await WorldTestClient.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor));
        await again.SendAsync(new ClientFrame { Hello = new Hello { WorldId = fixture.WorldA, ProtocolVersion = 1 } });
        (await again.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.Removed);
    }

    [Fact]
    public async Task Operator_removes_an_avatar_seen_in_the_world_by_its_avatar_id()
    {
        var visitor = fixture.Visitors[3];
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor), fixture.WorldA);
        using var http = await fixture.ClientAsync(fixture.OperatorA);

        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/remove", new { avatarId = client.Welcome!.AvatarId });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<RemoveAnswer>())!.UserId.ShouldBe(visitor.Id.ToString());
        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.Removed);
    }

    [Fact]
    public async Task Avatar_id_of_nobody_in_the_park_gets_400_problem()
    {
        var visitor = fixture.Visitors[4];
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor), $"park-{fixture.ParkB}");
        using var http = await fixture.ClientAsync(fixture.OperatorA);

        // The avatar is in park B's world, not in the operator's park A.
        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/mute", new { avatarId = client.Welcome!.AvatarId, minutes = 5 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private sealed record RemoveAnswer(string UserId, bool Present);

    [Theory]
    [InlineData("mute")]
    [InlineData("remove")]
    public async Task Operator_of_another_park_gets_403(string action)
    {
        using var http = await fixture.ClientAsync(fixture.OperatorB);
        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/{action}", new { userId = fixture.Visitors[1].Id, minutes = 5 });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Visitor_cannot_moderate()
    {
        using var http = await fixture.ClientAsync(fixture.Visitors[2]);
        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/mute", new { userId = fixture.Visitors[1].Id, minutes = 5 });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_caller_gets_401()
    {
        var response = await fixture.App.Anonymous().PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/mute", new { userId = fixture.Visitors[1].Id, minutes = 5 });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Operator_of_a_park_that_does_not_exist_gets_404()
    {
        using var http = await fixture.ClientAsync(fixture.OperatorOfMissingPark);
        var response = await http.PostAsJsonAsync("/api/v1/world/parks/99999/mute", new { userId = fixture.Visitors[1].Id, minutes = 5 });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("not-a-guid", 5)]
    [InlineData(null, 5)]
    [InlineData("5f0c1b9e-3c55-4c41-9a7f-0d2f5f6b6c11", 0)]
    [InlineData("5f0c1b9e-3c55-4c41-9a7f-0d2f5f6b6c11", 100_000)]
    public async Task Invalid_mute_request_gets_400_problem(string? userId, int minutes)
    {
        using var http = await fixture.ClientAsync(fixture.OperatorA);
        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ParkA}/mute", new { userId, minutes });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        problem!.Title.ShouldBe("Invalid moderation request");
    }
}
