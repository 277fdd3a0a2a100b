using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.World;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>A park world with <c>allowsGuests: false</c> admits its people, operators, the government and invited guests only.</summary>
[Collection(WorldRealtimeCollection.Name)]
public sealed class WorldAdmissionTests(WorldRealtimeFixture fixture)
{
    [Fact]
    public async Task Person_of_another_parks_enterprise_is_refused_by_a_park_that_does_not_allow_guests_with_4006()
    {
        await using var client = await WorldTestClient.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.ParkAEmployee));
        await client.SendAsync(new ClientFrame { Hello = new Hello { WorldId = fixture.ClosedWorld, ProtocolVersion = 1 } });

        (await client.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.NotAdmitted);
        client.CloseDescription.ShouldBe("this world admits its members and invited guests only");
    }

    [Fact]
    public async Task The_parks_own_people_its_operator_and_the_government_enter_as_members()
    {
        foreach (var member in new[] { fixture.ClosedParkEmployee, fixture.OperatorOfClosed, fixture.Government })
        {
            await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(member), fixture.ClosedWorld);
            var self = await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.AvatarsJoined
                && f.AvatarsJoined.Avatars.Any(a => a.Id == client.Welcome!.AvatarId));
            self.AvatarsJoined.Avatars.Single(a => a.Id == client.Welcome!.AvatarId).Guest.ShouldBeFalse(member.Email);
        }
    }

    [Fact]
    public async Task Person_the_operator_invited_by_email_is_admitted_as_a_guest_until_the_invitation_is_withdrawn()
    {
        var visitor = fixture.Visitors[5];
        using var http = await fixture.ClientAsync(fixture.OperatorOfClosed);
        var invited = await http.PostAsJsonAsync($"/api/v1/world/parks/{fixture.ClosedPark}/guests", new { email = visitor.Email!.ToUpperInvariant() });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invitation = (await invited.Content.ReadFromJsonAsync<Invitation>())!;

        await using (var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor), fixture.ClosedWorld))
        {
            var self = await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.AvatarsJoined
                && f.AvatarsJoined.Avatars.Any(a => a.Id == client.Welcome!.AvatarId));
            self.AvatarsJoined.Avatars.Single(a => a.Id == client.Welcome!.AvatarId).Guest.ShouldBeTrue();
        }

        (await http.DeleteAsync($"/api/v1/world/parks/{fixture.ClosedPark}/guests/{invitation.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var again = await WorldTestClient.ConnectAsync(fixture.BaseAddress, await fixture.TokenAsync(visitor));
        await again.SendAsync(new ClientFrame { Hello = new Hello { WorldId = fixture.ClosedWorld, ProtocolVersion = 1 } });
        (await again.WaitForCloseAsync()).ShouldBe(WorldCloseCodes.NotAdmitted);
    }

    [Fact]
    public async Task Visitor_enters_a_park_that_allows_guests_marked_as_a_guest()
    {
        await using var client = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.Visitors[6]), fixture.WorldA);
        var self = await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.AvatarsJoined
            && f.AvatarsJoined.Avatars.Any(a => a.Id == client.Welcome!.AvatarId));
        self.AvatarsJoined.Avatars.Single(a => a.Id == client.Welcome!.AvatarId).Guest.ShouldBeTrue();
    }

    [Fact]
    public async Task Two_people_with_the_same_name_are_told_apart_by_their_enterprise()
    {
        await using var first = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.ClosedParkEmployee), "zone");
        await using var second = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.ParkAEmployee), "zone");
        await using var third = await WorldTestClient.JoinAsync(fixture.BaseAddress, await fixture.TokenAsync(fixture.ClosedParkColleague), "zone");

        var names = new Dictionary<uint, string>();
        while (names.Count < 3)
        {
            var joined = await first.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.AvatarsJoined);
            foreach (var avatar in joined.AvatarsJoined.Avatars) names[avatar.Id] = avatar.DisplayName;
        }
        names[first.Welcome!.AvatarId].ShouldBe("samename");
        names[second.Welcome!.AvatarId].ShouldBe($"samename ({WorldRealtimeFixture.ParkAEnterpriseName})");
        names[third.Welcome!.AvatarId].ShouldBe($"samename ({WorldRealtimeFixture.ClosedParkEnterpriseName})");
    }

    private sealed record Invitation(long Id, string Email, DateTimeOffset InvitedAt);
}
