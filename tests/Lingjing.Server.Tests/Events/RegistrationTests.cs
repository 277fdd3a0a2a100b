using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Events;

/// <summary>Seats: never more registrations than the capacity, whatever the concurrency; approval and invitation;
/// tickets checked in at the door once, by the event's organisers only.</summary>
public sealed class RegistrationTests
{
    [Theory, BothDatabases]
    public async Task Twenty_people_registering_at_once_for_five_seats_get_five_and_a_cancelled_seat_goes_to_the_next(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(capacity: 5));
        var people = await scene.PeopleAsync(20, "crowd");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { attendance = "online" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(5);
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        refused.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        (await refused[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("The event is full.");
        var list = await (await scene.ClientAsync(scene.NorthOperator)).GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/registrations");
        list.GetProperty("items").GetArrayLength().ShouldBe(5);
        list.GetProperty("seatsTaken").GetInt32().ShouldBe(5);

        var holder = clients[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Created)];
        (await holder.DeleteAsync($"/api/v1/events/{id}/registrations/mine")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await holder.DeleteAsync($"/api/v1/events/{id}/registrations/mine")).StatusCode.ShouldBe(HttpStatusCode.OK, "cancelling twice gives back one seat");
        var next = clients[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Conflict)];
        (await next.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}")).GetProperty("event").GetProperty("seatsLeft").GetInt32().ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task One_person_registering_twice_at_once_holds_one_seat(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(capacity: 10));
        var client = await scene.ClientAsync(scene.Employee);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        (await (await scene.ClientAsync(scene.NorthOperator)).GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/registrations"))
            .GetProperty("seatsTaken").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task With_approval_a_seat_is_held_until_the_organiser_decides_and_a_decline_gives_it_back()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(capacity: 1, registration: "approval"));
        var people = await scene.PeopleAsync(2, "applicant");
        var (first, second) = (await scene.ClientAsync(people[0]), await scene.ClientAsync(people[1]));
        var pending = await (await first.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        pending.GetProperty("status").GetString().ShouldBe("pending");
        pending.GetProperty("ticketCode").ValueKind.ShouldBe(JsonValueKind.Null, "no ticket before approval");
        (await second.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the seat is held");
        var organiser = await scene.ClientAsync(scene.NorthOperator);

        var declined = await organiser.PostAsync($"/api/v1/events/{id}/registrations/{pending.GetProperty("id").GetGuid()}/decline", null);

        (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("declined");
        var again = await (await second.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var approved = await (await organiser.PostAsync($"/api/v1/events/{id}/registrations/{again.GetProperty("id").GetGuid()}/approve", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        approved.GetProperty("status").GetString().ShouldBe("confirmed");
        approved.GetProperty("ticketCode").GetString()!.Length.ShouldBe(10);
        (await first.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "declined stays declined");
    }

    [Fact]
    public async Task By_invitation_only_the_invited_register_and_unknown_addresses_are_named()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(registration: "invitation"));
        var people = await scene.PeopleAsync(2, "guest");
        var organiser = await scene.ClientAsync(scene.NorthOperator);

        var invited = await (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/invitations", new { emails = new[] { people[0].ToUpperInvariant(), "nobody@example.test" } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        invited.GetProperty("invited").GetInt32().ShouldBe(1);
        invited.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()).ShouldBe(["nobody@example.test"]);
        (await (await scene.ClientAsync(people[1])).PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var guest = await (await (await scene.ClientAsync(people[0])).PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        guest.GetProperty("status").GetString().ShouldBe("confirmed");
    }

    [Theory, BothDatabases]
    public async Task A_ticket_is_checked_in_once_at_the_door_by_the_organiser_from_an_hour_before(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var soon = await scene.PublishAsync(scene.NorthOperator, scene.Body(startsIn: TimeSpan.FromMinutes(30)));
        var later = await scene.PublishAsync(scene.NorthOperator, scene.Body(startsIn: TimeSpan.FromHours(5)));
        var employee = await scene.ClientAsync(scene.Employee);
        var ticket = await (await employee.PostAsJsonAsync($"/api/v1/events/{soon}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var laterTicket = await (await employee.PostAsJsonAsync($"/api/v1/events/{later}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var code = ticket.GetProperty("ticketCode").GetString()!;
        var svg = await employee.GetAsync($"/api/v1/events/{soon}/registrations/mine/ticket.svg");
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).ShouldContain("<svg");
        var organiser = await scene.ClientAsync(scene.NorthOperator);

        (await (await scene.ClientAsync(scene.SouthOperator)).PostAsJsonAsync($"/api/v1/events/{soon}/check-in", new { code }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "not their event");
        (await organiser.PostAsJsonAsync($"/api/v1/events/{soon}/check-in", new { code = "WRONGCODE9" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await organiser.PostAsJsonAsync($"/api/v1/events/{later}/check-in", new { code }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "a ticket of one event does not open another");
        var early = await organiser.PostAsJsonAsync($"/api/v1/events/{later}/check-in", new { code = laterTicket.GetProperty("ticketCode").GetString() });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("Check-in opens an hour before the start.");

        var first = await (await organiser.PostAsJsonAsync($"/api/v1/events/{soon}/check-in", new { code })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await organiser.PostAsJsonAsync($"/api/v1/events/{soon}/check-in", new { code })).Content.ReadFromJsonAsync<JsonElement>();

        first.GetProperty("checkedInAt").GetDateTimeOffset().ShouldBe(second.GetProperty("checkedInAt").GetDateTimeOffset());
        (await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{soon}/registrations")).GetProperty("checkedIn").GetInt32().ShouldBe(1);
    }
}
