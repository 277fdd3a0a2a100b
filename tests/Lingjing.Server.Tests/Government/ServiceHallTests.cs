using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;
using static Lingjing.Server.Tests.Government.ServiceHallScene;

namespace Lingjing.Server.Tests.Government;

/// <summary>The service hall's queues with many people at once: numbers taken together come out unique and in order,
/// one per person; officials call each number once; a visitor follows their place live, is called, served, rated,
/// transferred with their place in time kept; a closed desk says when it opens and offers its appointment room.</summary>
public sealed class ServiceHallTests
{
    [Theory, BothDatabases]
    public async Task Thirty_visitors_take_numbers_at_once_and_each_is_called_once_in_order_by_two_officials(Db db)
    {
        await using var scene = await StartAsync(db);
        var visitors = await Task.WhenAll(Enumerable.Range(0, 30).Select(n => scene.PersonAsync($"visitor{n}")));
        var taken = await Task.WhenAll(visitors.Select(v => OkAsync(v.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/tickets", null), HttpStatusCode.Created)));

        taken.Select(t => t.GetProperty("number").GetString()).Order().ShouldBe(Enumerable.Range(1, 30).Select(n => $"A{n:000}"));
        taken.Select(t => t.GetProperty("position").GetInt32()).Max().ShouldBeLessThanOrEqualTo(30);
        var second = await visitors[0].PostAsync($"/api/v1/service-hall/desks/{scene.DeskB}/tickets", null);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("service-hall.holding");
        var desks = await scene.App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/service-hall/desks");
        desks[0].GetProperty("queueLength").GetInt32().ShouldBe(30);
        desks[0].GetProperty("open").GetBoolean().ShouldBeTrue();

        var officials = await Task.WhenAll(scene.PersonAsync("official1", Roles.Government), scene.PersonAsync("official2", Roles.Government));
        (await officials[0].PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/call-next", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "not signed in");
        foreach (var official in officials) await OkAsync(official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/sign-in", null));
        (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/service-hall/desks"))[0].GetProperty("officialsOnDuty").GetInt32().ShouldBe(2);

        // Both officials call and finish as fast as they can until nobody waits: every number exactly once, in queue order per official.
        var served = new List<string>[] { [], [] };
        await Task.WhenAll(officials.Select(async (official, n) =>
        {
            while (true)
            {
                var call = await official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/call-next", null);
                if (call.StatusCode == HttpStatusCode.Conflict) break;
                var ticket = await call.Content.ReadFromJsonAsync<JsonElement>();
                ticket.GetProperty("status").GetString().ShouldBe("called");
                served[n].Add(ticket.GetProperty("number").GetString()!);
                await OkAsync(official.PostAsJsonAsync($"/api/v1/service-hall/tickets/{ticket.GetProperty("id").GetGuid()}/finish", new { outcome = "Answered." }));
            }
        }));
        served.SelectMany(s => s).Order().ShouldBe(Enumerable.Range(1, 30).Select(n => $"A{n:000}"), "each number called exactly once");
        foreach (var mine in served) mine.ShouldBeInOrder(SortDirection.Ascending, "each official calls the one waiting longest");

        var done = await visitors[5].GetFromJsonAsync<JsonElement>("/api/v1/service-hall/tickets/mine");
        done[0].GetProperty("status").GetString().ShouldBe("done");
        var ticketId = done[0].GetProperty("id").GetGuid();
        (await visitors[5].PostAsJsonAsync($"/api/v1/service-hall/tickets/{ticketId}/rating", new { stars = 7 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await OkAsync(visitors[5].PostAsJsonAsync($"/api/v1/service-hall/tickets/{ticketId}/rating", new { stars = 5, comment = "Quick." })))
            .GetProperty("rating").GetInt32().ShouldBe(5);
        (await visitors[5].PostAsJsonAsync($"/api/v1/service-hall/tickets/{ticketId}/rating", new { stars = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "once");
        (await visitors[6].PostAsJsonAsync($"/api/v1/service-hall/tickets/{ticketId}/rating", new { stars = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not theirs");
    }

    [Theory, BothDatabases]
    public async Task A_visitor_follows_their_place_live_is_called_transferred_with_their_place_kept_and_a_closed_desk_offers_an_appointment(Db db)
    {
        await using var scene = await StartAsync(db);
        var (first, me, later) = (await scene.PersonAsync("first"), await scene.PersonAsync("me"), await scene.PersonAsync("later"));
        await OkAsync(first.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/tickets", null), HttpStatusCode.Created);
        var mine = await OkAsync(me.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/tickets", null), HttpStatusCode.Created);
        var id = mine.GetProperty("id").GetGuid();
        mine.GetProperty("position").GetInt32().ShouldBe(2);
        await OkAsync(later.PostAsync($"/api/v1/service-hall/desks/{scene.DeskB}/tickets", null), HttpStatusCode.Created);

        await using var stream = await EventStream.OpenAsync(me, $"/api/v1/service-hall/tickets/{id}/stream");
        (await stream.NextAsync("ticket")).GetProperty("position").GetInt32().ShouldBe(2);
        var official = await scene.PersonAsync("official", Roles.Government);
        await OkAsync(official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/sign-in", null));
        var called = await OkAsync(official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/call-next", null));
        (await stream.NextAsync("ticket", t => t.GetProperty("position").ValueKind == JsonValueKind.Number && t.GetProperty("position").GetInt32() == 1)).GetProperty("status").GetString().ShouldBe("waiting");
        await OkAsync(official.PostAsync($"/api/v1/service-hall/tickets/{called.GetProperty("id").GetGuid()}/no-show", null));
        await OkAsync(official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/call-next", null));
        (await stream.NextAsync("ticket", t => t.GetProperty("status").GetString() == "called")).GetProperty("officialName").GetString().ShouldBe("official");

        // Sent on to desk B: a new number there, ahead of the one taken at B after they first queued.
        var moved = await OkAsync(official.PostAsJsonAsync($"/api/v1/service-hall/tickets/{id}/transfer", new { deskId = scene.DeskB, note = "A copyright question." }));
        moved.GetProperty("number").GetString().ShouldBe("B002");
        moved.GetProperty("position").GetInt32().ShouldBe(1);
        (await stream.NextAsync("ticket", t => t.GetProperty("status").GetString() == "transferred")).GetProperty("transferredTo").GetGuid().ShouldBe(moved.GetProperty("id").GetGuid());
        (await official.PostAsJsonAsync($"/api/v1/service-hall/tickets/{id}/transfer", new { deskId = scene.DeskB })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "no longer being served");
        (await official.PostAsJsonAsync($"/api/v1/service-hall/tickets/{moved.GetProperty("id").GetGuid()}/finish", new { outcome = "Done?" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "not called yet");

        // Leaving the queue; a closed desk.
        var left = await OkAsync(me.DeleteAsync($"/api/v1/service-hall/tickets/{moved.GetProperty("id").GetGuid()}"));
        left.GetProperty("status").GetString().ShouldBe("left");
        var closed = await me.PostAsync($"/api/v1/service-hall/desks/{scene.DeskC}/tickets", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await closed.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("service-hall.closed");
        problem.GetProperty("appointmentSpaceId").GetInt32().ShouldBe(scene.AppointmentRoom);
        (await scene.App.Anonymous().PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/tickets", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await me.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/call-next", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "officials only");
        (await me.GetAsync($"/api/v1/service-hall/tickets/{called.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another's number");
    }
}
