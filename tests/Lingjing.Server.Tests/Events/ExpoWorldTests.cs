using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Events;

/// <summary>Expo halls in the world: the demonstration hall open to every account, an event's expo hall to its
/// registered people, organisers and exhibitors' staff while it is open; each booth a stand on the hall's floor plan.</summary>
public sealed class ExpoWorldTests
{
    [Theory, BothDatabases]
    public async Task An_events_expo_hall_admits_its_people_organisers_and_exhibitors_and_lays_out_a_stand_per_booth(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(startsIn: TimeSpan.FromMinutes(30)));
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/booths", new { enterpriseId = scene.GalleryId, code = "A01", row = 0, col = 0 })).EnsureSuccessStatusCode();
        var people = await scene.PeopleAsync(1, "expo-visitor");
        var visitor = await scene.ClientAsync(people[0]);
        var stranger = await scene.ClientAsync(scene.SouthOperator);

        var refused = await stranger.GetAsync($"/api/v1/expo/halls/event-{id}/scene");
        (await visitor.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        var hall = await visitor.GetFromJsonAsync<JsonElement>($"/api/v1/expo/halls/event-{id}/scene");
        var staff = await (await scene.ClientAsync(scene.Employee)).GetAsync($"/api/v1/expo/halls/event-{id}/scene");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        hall.GetProperty("kind").GetString().ShouldBe("expo");
        hall.GetProperty("worldId").GetString().ShouldBe($"expo-event-{id}");
        var stand = hall.GetProperty("stands").EnumerateArray().Single();
        stand.GetProperty("code").GetString().ShouldBe("A01");
        stand.GetProperty("size").GetDouble().ShouldBe(8);
        staff.StatusCode.ShouldBe(HttpStatusCode.OK, "the exhibitor's staff come to their stand");
        (await organiser.GetAsync($"/api/v1/expo/halls/event-{id}/scene")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stranger.GetAsync("/api/v1/expo/halls/demonstration/scene")).StatusCode.ShouldBe(HttpStatusCode.OK, "the demonstration hall is open to everyone");
        (await visitor.GetAsync("/api/v1/expo/halls/nowhere/scene")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await scene.App.Anonymous().GetAsync("/api/v1/expo/halls/demonstration/scene")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
