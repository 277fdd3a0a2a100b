using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Events;

/// <summary>Organising events: a draft seen by its organiser only, published to the public list with its agenda in the
/// venue's clock, calendars a third-party parser reads; who may organise, and bad input explained.</summary>
public sealed class EventTests
{
    [Theory, BothDatabases]
    public async Task A_published_event_is_listed_publicly_with_its_agenda_in_the_venues_clock(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var body = scene.Body();
        body["timeZone"] = "Europe/Berlin";
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        var created = await organiser.PostAsJsonAsync("/api/v1/events", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("id").GetInt32();
        var anonymous = scene.App.Anonymous();
        (await anonymous.GetAsync($"/api/v1/events/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is its organiser's");
        (await Listed(anonymous)).ShouldNotContain(id);

        (await organiser.PostAsync($"/api/v1/events/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Listed(anonymous)).ShouldContain(id);
        var detail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}");
        var e = detail.GetProperty("event");
        e.GetProperty("organiserEn").GetString().ShouldBe("Event North");
        e.GetProperty("seatsLeft").GetInt32().ShouldBe(100);
        var startsAt = e.GetProperty("startsAt").GetDateTimeOffset();
        var berlin = TimeZoneInfo.ConvertTime(startsAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime;
        e.GetProperty("localStart").GetDateTime().ShouldBe(berlin);
        var sessions = detail.GetProperty("sessions").EnumerateArray().ToList();
        sessions.Select(s => s.GetProperty("titleEn").GetString()).ShouldBe(["Opening", "Panel"]);
        sessions[1].GetProperty("speakers").EnumerateArray().Select(s => s.GetString()).ShouldBe(["Zhang Min, curator", "Wang Fang, producer"]);

        var ics = await anonymous.GetStringAsync($"/api/v1/events/{id}/calendar.ics");
        var calendar = Calendar.Load(ics)!;
        calendar.TimeZones.ShouldHaveSingleItem().TzId.ShouldBe("Europe/Berlin");
        calendar.Events.Count.ShouldBe(3, "the event and its two sessions");
        calendar.Events.First().Start!.TzId.ShouldBe("Europe/Berlin");
        calendar.Events.First().Start!.AsUtc.ShouldBe(startsAt.UtcDateTime);
    }

    [Fact]
    public async Task Bad_input_is_explained_field_by_field_and_nothing_is_stored()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var body = scene.Body();
        (body["titleEn"], body["kind"], body["capacity"], body["timeZone"], body["venue"]) = ("", "party", 0, "Mars/Olympus", "park-999999");
        body["endsAt"] = body["startsAt"];
        var organiser = await scene.ClientAsync(scene.NorthOperator);

        var response = await organiser.PostAsJsonAsync("/api/v1/events", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.GetProperty("titleEn")[0].GetString().ShouldBe("This field is required.");
        errors.GetProperty("kind")[0].GetString()!.ShouldStartWith("'party' is not known.");
        errors.GetProperty("endsAt")[0].GetString().ShouldBe("The end must come after the start.");
        errors.GetProperty("capacity")[0].GetString().ShouldBe("A whole number from 1 to 100,000.");
        errors.GetProperty("timeZone")[0].GetString().ShouldBe("'Mars/Olympus' is not a time zone (an IANA name such as Asia/Shanghai).");
        errors.GetProperty("venue")[0].GetString().ShouldBe("'park-999999' is not a venue in the world (hall, zone, or park-N for a park).");
        (await organiser.GetFromJsonAsync<JsonElement>("/api/v1/events/organised")).GetArrayLength().ShouldBe(0, "nothing stored");
    }

    [Fact]
    public async Task Enterprises_organise_once_permitted_by_their_parks_operator_and_employees_never()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var gallery = await scene.ClientAsync(scene.GalleryAdmin);
        (await gallery.PostAsJsonAsync("/api/v1/events", scene.Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await scene.ClientAsync(scene.Employee)).PostAsJsonAsync("/api/v1/events", scene.Body())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await scene.ClientAsync(scene.SouthOperator)).PutAsync($"/api/v1/events/organisers/{scene.GalleryId}", null))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "another park's operator");

        (await (await scene.ClientAsync(scene.NorthOperator)).PutAsync($"/api/v1/events/organisers/{scene.GalleryId}", null))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var id = await scene.PublishAsync(scene.GalleryAdmin);
        var e = (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}")).GetProperty("event");
        (e.GetProperty("organiserKind").GetString(), e.GetProperty("organiserEn").GetString()).ShouldBe(("enterprise", "Jade Gallery"));
        (await (await scene.ClientAsync(scene.SouthOperator)).GetAsync($"/api/v1/events/{id}/registrations"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "another organiser's event");
        (await (await scene.ClientAsync(scene.Gov)).GetAsync($"/api/v1/events/{id}/registrations")).StatusCode.ShouldBe(HttpStatusCode.OK, "the government oversees all");
    }

    private static async Task<List<int>> Listed(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/events?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("id").GetInt32()).ToList();
}
