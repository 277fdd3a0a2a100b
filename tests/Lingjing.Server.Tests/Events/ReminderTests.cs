using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Events;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Events;

/// <summary>People registered are reminded a day ahead and an hour ahead, once each however often the job runs; the
/// organiser's decision and a cancellation reach them as notifications.</summary>
public sealed class ReminderTests
{
    [Theory, BothDatabases]
    public async Task Registered_people_are_reminded_once_a_day_and_an_hour_ahead(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false, new Dictionary<string, string?> { ["Lingjing:Events:ReminderInterval"] = "00:00:01" });
        var scene = await EventScene.StartAsync(db, app);
        var soon = await scene.PublishAsync(scene.NorthOperator, scene.Body(startsIn: TimeSpan.FromMinutes(40)));
        var tomorrow = await scene.PublishAsync(scene.NorthOperator, scene.Body(startsIn: TimeSpan.FromHours(20)));
        var employee = await scene.ClientAsync(scene.Employee);
        foreach (var id in new[] { soon, tomorrow }) (await employee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).EnsureSuccessStatusCode();

        await app.Service<EventReminders>().WaitForRunsAsync(3);

        var reminders = await RemindersAsync(employee);
        reminders.ShouldBe([$"/events/{soon}", $"/events/{tomorrow}"], ignoreOrder: true);
        await app.Service<EventReminders>().WaitForRunsAsync(2);
        (await RemindersAsync(employee)).Count.ShouldBe(2, "each reminder once");
    }

    [Fact]
    public async Task A_decision_and_a_cancellation_are_notified()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync(scene.NorthOperator, scene.Body(registration: "approval"));
        var employee = await scene.ClientAsync(scene.Employee);
        var registration = await (await employee.PostAsJsonAsync($"/api/v1/events/{id}/registrations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var organiser = await scene.ClientAsync(scene.NorthOperator);

        (await organiser.PostAsync($"/api/v1/events/{id}/registrations/{registration.GetProperty("id").GetGuid()}/approve", null)).EnsureSuccessStatusCode();
        (await organiser.PostAsync($"/api/v1/events/{id}/cancel", null)).EnsureSuccessStatusCode();

        var kinds = (await employee.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?limit=50")).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("event.approved");
        kinds.ShouldContain("event.cancelled");
    }

    private static async Task<List<string>> RemindersAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?limit=50")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "event.reminder").Select(n => n.GetProperty("link").GetString()!).ToList();
}
