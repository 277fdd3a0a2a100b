using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Events;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.WorldRealtime;
using Lingjing.World.Protocol;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>An event's hall across two nodes, one person to an instance: the organiser in instance 1 on one node steps
/// on stage, and the attendee in instance 2 on the other node sees them arrive, walk and leave the stage.</summary>
public sealed class ClusterHallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_stage_of_instance_one_on_one_node_is_seen_in_instance_two_on_the_other()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(2, new Dictionary<string, string?> { ["Lingjing:Events:HallInstanceSize"] = "1" }, kestrel: true);
        var (first, second) = (cluster.Nodes[0], cluster.Nodes[1]);
        var scene = await EventScene.StartAsync(Db.Postgres, first);
        var body = scene.Body(startsIn: TimeSpan.FromMinutes(30));
        body["venue"] = "hall";
        var id = await scene.PublishAsync(scene.NorthOperator, body);
        var organiser = await first.SignedInAsync(scene.NorthOperator, TestUsers.Password);
        var attendee = await second.SignedInAsync(scene.Employee, TestUsers.Password);
        (await attendee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();

        // Seated cluster-wide: one person to an instance, whichever node they asked.
        var organiserWorld = (await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/hall/scene")).GetProperty("worldId").GetString()!;
        var attendeeWorld = (await attendee.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/hall/scene")).GetProperty("worldId").GetString()!;
        (organiserWorld, attendeeWorld).ShouldBe(($"hall-{id}-1", $"hall-{id}-2"));
        await using var onStage = await WorldTestClient.JoinAsync(first.BaseAddress!, await first.TokenAsync(scene.NorthOperator, TestUsers.Password), organiserWorld);
        await using var watching = await WorldTestClient.JoinAsync(second.BaseAddress!, await second.TokenAsync(scene.Employee, TestUsers.Password), attendeeWorld);
        var speaker = onStage.Welcome!.AvatarId;

        Guid organiserId;
        await using (var scope = first.Services.CreateAsyncScope())
            organiserId = (await scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>().FindByEmailAsync(scene.NorthOperator))!.Id;
        var arrived = watching.WaitForAsync(f => f.AvatarsJoined?.Avatars.Any(a => a.Id == speaker) == true, Wait);
        (await organiser.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{organiserId}", new { place = "stage" })).EnsureSuccessStatusCode();
        await arrived;

        // A few steps towards the stage (the server holds a walker to walking speed).
        var (x, z) = (onStage.Welcome.Spawn.X + 200, onStage.Welcome.Spawn.Z + 300);
        await onStage.MoveAsync(x, z);
        var seen = await watching.WaitForAsync(f => WorldTestClient.Shows(f, speaker, x, z), Wait);
        var state = seen.Snapshot.Cells.SelectMany(c => c.Avatars).Single(a => a.Id == speaker);
        (state.Media & (uint)MediaFlags.Amplified).ShouldBe((uint)MediaFlags.Amplified);

        var left = watching.WaitForAsync(f => f.AvatarsLeft?.AvatarIds.Contains(speaker) == true, Wait);
        (await organiser.PutAsJsonAsync($"/api/v1/events/{id}/stage/people/{organiserId}", new { place = "audience" })).EnsureSuccessStatusCode();
        await left;
        var instances = await attendee.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/hall/instances");
        instances.GetProperty("yours").GetInt32().ShouldBe(2);
        instances.GetProperty("instances").GetArrayLength().ShouldBe(2);
    }
}
