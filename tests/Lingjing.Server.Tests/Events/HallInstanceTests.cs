using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Events.Hall;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Events;

/// <summary>A hall larger than one instance: people entering at once are seated five to an instance (the size set for
/// this server), see every instance with their colleagues in it, may choose one only with room, and may enter only the
/// world of their own.</summary>
public sealed class HallInstanceTests
{
    private const int Size = 5;

    [Theory, BothDatabases]
    public async Task Twenty_people_entering_at_once_are_seated_five_to_an_instance_and_enter_only_their_own(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false,
            new Dictionary<string, string?> { ["Lingjing:Events:HallInstanceSize"] = Size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var scene = await EventScene.StartAsync(db, app);
        var body = scene.Body(startsIn: TimeSpan.FromMinutes(30));
        body["venue"] = "hall";
        var id = await scene.PublishAsync(scene.NorthOperator, body);
        var people = await scene.PeopleAsync(20, "instances");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));
        foreach (var c in clients) (await c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();

        var scenes = await Task.WhenAll(clients.Select(c => c.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/hall/scene")));

        var worlds = scenes.Select(s => s.GetProperty("worldId").GetString()!).ToList();
        worlds.GroupBy(w => w).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key)
            .ShouldBe(Enumerable.Range(1, 4).Select(n => ($"hall-{id}-{n}", Size)));
        var listed = await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/hall/instances");
        var mine = int.Parse(worlds[0].Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
        listed.GetProperty("yours").GetInt32().ShouldBe(mine);
        var instances = listed.GetProperty("instances").EnumerateArray().ToList();
        instances.Select(i => (i.GetProperty("people").GetInt32(), i.GetProperty("colleagues").GetInt32(), i.GetProperty("full").GetBoolean()))
            .ShouldBe(Enumerable.Repeat((Size, Size, true), 4), "all twenty work at the gallery");
        instances[1].GetProperty("page").GetString().ShouldBe($"/world/event/{id}-2");

        // Every instance is full: asking for another is refused and changes nothing.
        var other = mine == 1 ? 2 : 1;
        var refused = await clients[0].GetAsync($"/api/v1/events/{id}/hall/scene?instance={other}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("event.hall-instance-full");
        (await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/hall/scene?instance={mine}")).GetProperty("worldId").GetString().ShouldBe(worlds[0]);

        // The organiser, who came last, is seated in a fifth; the world admits each person to their own instance only.
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        (await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/hall/scene")).GetProperty("worldId").GetString().ShouldBe($"hall-{id}-5");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
        var first = (await users.FindByEmailAsync(people[0]))!;
        var principal = new ClaimsPrincipal(new ClaimsIdentity([
            new Claim(ClaimTypes.NameIdentifier, first.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Employee),
            new Claim(LingjingClaims.EnterpriseId, scene.GalleryId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));
        var open = await scope.ServiceProvider.GetRequiredService<HallWorldSource>().OpenToAsync(first.Id, principal, CancellationToken.None);
        open.ShouldBe([worlds[0]]);
    }
}
