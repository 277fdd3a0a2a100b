using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lingjing.Server.Features.Events;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lingjing.Server.Tests.Events;

/// <summary>Organisers see registrations, cancellations and check-ins per day and download the people, the questions and
/// the poll results; nobody else does.</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task Organisers_see_the_days_and_download_what_happened_as_csv_and_excel()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(startsIn: TimeSpan.FromMinutes(30)));
        var people = await scene.PeopleAsync(3, "reported");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));
        var codes = new List<string>();
        foreach (var c in clients)
            codes.Add((await (await c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketCode").GetString()!);
        (await clients[2].DeleteAsync($"/api/v1/events/{id}/registrations/mine")).EnsureSuccessStatusCode();
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/check-in", new { code = codes[0] })).EnsureSuccessStatusCode();
        await clients[0].PostAsJsonAsync($"/api/v1/events/{id}/questions", new { text = "Slides afterwards?" });

        var days = (await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/report/days")).EnumerateArray().ToList();

        days.Sum(d => d.GetProperty("registrations").GetInt32()).ShouldBe(3);
        days.Sum(d => d.GetProperty("cancellations").GetInt32()).ShouldBe(1);
        days.Sum(d => d.GetProperty("checkIns").GetInt32()).ShouldBe(1);
        days[^1].GetProperty("total").GetInt32().ShouldBe(2);
        var csv = Encoding.UTF8.GetString(await organiser.GetByteArrayAsync($"/api/v1/events/{id}/exports/registrations.csv"));
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4, "headings and three people");
        csv.ShouldContain(people[2]);
        var workbook = await organiser.GetByteArrayAsync($"/api/v1/events/{id}/exports/questions.xlsx");
        using var stream = new MemoryStream(workbook);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.ShouldHaveSingleItem()["Question"].ShouldBe("Slides afterwards?");
        (await organiser.GetAsync($"/api/v1/events/{id}/exports/secrets.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clients[0].GetAsync($"/api/v1/events/{id}/report/days")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "an attendee is no organiser");
        (await (await scene.ClientAsync(scene.SouthOperator)).GetAsync($"/api/v1/events/{id}/exports/registrations.csv"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "another park's operator");
    }

    [Fact]
    public async Task Organisers_see_online_attendance_peak_concurrency_session_ratings_and_the_booths_figures()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        var scene = await EventScene.StartAsync(Db.Sqlite, app);
        var body = scene.Body(startsIn: TimeSpan.FromMinutes(30));
        body["venue"] = "hall";
        var id = await scene.PublishAsync(scene.NorthOperator, body);
        var people = await scene.PeopleAsync(3, "attendee");
        var clients = await Task.WhenAll(people.Select(scene.ClientAsync));
        foreach (var c in clients) (await c.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();
        var organiser = await scene.ClientAsync(scene.NorthOperator);

        // Two of the three enter the hall: its page's scene, then the world.
        foreach (var c in clients.Take(2)) (await c.GetAsync($"/api/v1/events/{id}/hall/scene")).EnsureSuccessStatusCode();
        await using var first = await WorldRealtime.WorldTestClient.JoinAsync(app.BaseAddress!, await app.TokenAsync(people[0], TestUsers.Password), $"hall-{id}-1");
        await using var second = await WorldRealtime.WorldTestClient.JoinAsync(app.BaseAddress!, await app.TokenAsync(people[1], TestUsers.Password), $"hall-{id}-1");
        await app.Service<Lingjing.Server.Features.Events.Presence.HallPresence>().SampleAsync(CancellationToken.None);

        // The opening session has begun: two rate it, one twice (the second rating replaces the first).
        int opening;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var session = context.Set<EventSession>().Where(x => x.EventId == id).OrderBy(x => x.StartsAt).First();
            session.StartsAt = TestClock.Now.UtcDateTime.AddMinutes(-5);
            await context.SaveChangesAsync();
            opening = session.Id;
        }
        var later = (await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}")).GetProperty("sessions").EnumerateArray()
            .Select(x => x.GetProperty("id").GetInt32()).Single(x => x != opening);
        (await clients[0].PutAsJsonAsync($"/api/v1/events/{id}/sessions/{opening}/rating", new { stars = 2 })).EnsureSuccessStatusCode();
        (await clients[0].PutAsJsonAsync($"/api/v1/events/{id}/sessions/{opening}/rating", new { stars = 5 })).EnsureSuccessStatusCode();
        var rated = await clients[1].PutAsJsonAsync($"/api/v1/events/{id}/sessions/{opening}/rating", new { stars = 3 });
        (await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("average").GetDouble().ShouldBe(4);
        (await clients[1].PutAsJsonAsync($"/api/v1/events/{id}/sessions/{opening}/rating", new { stars = 6 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await clients[1].PutAsJsonAsync($"/api/v1/events/{id}/sessions/{later}/rating", new { stars = 4 })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "not begun");
        (await (await scene.ClientAsync(scene.SouthOperator)).PutAsJsonAsync($"/api/v1/events/{id}/sessions/{opening}/rating", new { stars = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "not registered");

        // A booth with two visits by one person on one day (counted once) and a card.
        var booth = (await (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/booths", new { enterpriseId = scene.GalleryId, code = "A01", row = 0, col = 0 }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await clients[2].PostAsync($"/api/v1/expo/booths/{booth}/visits", null);
        await clients[2].PostAsync($"/api/v1/expo/booths/{booth}/visits", null);
        (await clients[2].PostAsJsonAsync($"/api/v1/expo/booths/{booth}/cards", new { consent = true, message = "Catalogue, please" })).EnsureSuccessStatusCode();

        var figures = await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/report");

        figures.GetProperty("confirmed").GetInt32().ShouldBe(3);
        figures.GetProperty("joinedOnline").GetInt32().ShouldBe(2);
        figures.GetProperty("peakPresent").GetInt32().ShouldBe(2);
        var sessions = figures.GetProperty("sessions").EnumerateArray().ToList();
        sessions.Single(x => x.GetProperty("id").GetInt32() == opening).GetProperty("ratings").GetInt32().ShouldBe(2);
        sessions.Single(x => x.GetProperty("id").GetInt32() == opening).GetProperty("average").GetDouble().ShouldBe(4);
        var figure = figures.GetProperty("booths").EnumerateArray().Single();
        (figure.GetProperty("visits").GetInt32(), figure.GetProperty("visitors").GetInt32(), figure.GetProperty("leads").GetInt32()).ShouldBe((1, 1, 1));
        (await organiser.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/report/attendance")).EnumerateArray().Single().GetProperty("present").GetInt32().ShouldBe(2);
        foreach (var table in new[] { "attendance", "sessions", "booths" })
        {
            var csv = Encoding.UTF8.GetString(await organiser.GetByteArrayAsync($"/api/v1/events/{id}/exports/{table}.csv"));
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(1, table);
        }
        (await clients[0].GetAsync($"/api/v1/events/{id}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "attendees do not see the report");
    }
}
