using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Events;

/// <summary>Two parks of their own on the run's shared server. North has an operator and a gallery (an enterprise with an
/// administrator and an employee); South has an operator; the zone a government officer.</summary>
public sealed class EventScene
{
    public string NorthOperator { get; } = SharedApps.Email("events.north");
    public string SouthOperator { get; } = SharedApps.Email("events.south");
    public string Gov { get; } = SharedApps.Email("events.gov");
    public string GalleryAdmin { get; } = SharedApps.Email("gallery.admin");
    public string Employee { get; } = SharedApps.Email("gallery.employee");

    public required LingjingApp App { get; init; }
    public required int North { get; init; }
    public required int South { get; init; }
    public required int GalleryId { get; init; }

    /// <summary>The scene on the run's shared server, or on <paramref name="app"/> (a test of settings).</summary>
    public static async Task<EventScene> StartAsync(Db db, LingjingApp? app = null)
    {
        app ??= await SharedApps.Blank(db);
        int north, south, gallery;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var (northPark, southPark) = (ZoneRows.Park("Event North"), ZoneRows.Park("Event South"));
            context.AddRange(northPark, southPark);
            await context.SaveChangesAsync();
            var enterprise = ZoneRows.Enterprise(northPark.Id, "Jade Gallery");
            context.Add(enterprise);
            await context.SaveChangesAsync();
            (north, south, gallery) = (northPark.Id, southPark.Id, enterprise.Id);
        }
        var scene = new EventScene { App = app, North = north, South = south, GalleryId = gallery };
        await TestUsers.CreateAsync(app, scene.NorthOperator, Roles.ParkOperator, parkId: north);
        await TestUsers.CreateAsync(app, scene.SouthOperator, Roles.ParkOperator, parkId: south);
        await TestUsers.CreateAsync(app, scene.Gov, Roles.Government);
        await TestUsers.CreateAsync(app, scene.GalleryAdmin, Roles.EnterpriseAdmin, enterpriseId: gallery);
        await TestUsers.CreateAsync(app, scene.Employee, Roles.Employee, enterpriseId: gallery);
        return scene;
    }

    public Task<HttpClient> ClientAsync(string email) => App.SignedInAsync(email, TestUsers.Password);

    /// <summary>A forum in North Park starting <paramref name="startsIn"/> from now (two hours by default), two sessions.</summary>
    public Dictionary<string, object?> Body(int capacity = 100, string registration = "open", TimeSpan? startsIn = null)
    {
        var now = TestClock.Now;
        var start = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)) + (startsIn ?? TimeSpan.FromHours(2));
        return new()
        {
            ["titleZh"] = "数字文创论坛", ["titleEn"] = "Digital Creative Forum",
            ["descriptionZh"] = "园区企业交流数字内容创作。", ["descriptionEn"] = "Enterprises of the park on digital content.",
            ["kind"] = "forum", ["startsAt"] = start, ["endsAt"] = start.AddHours(3), ["venue"] = $"park-{North}",
            ["capacity"] = capacity, ["registration"] = registration,
            ["sessions"] = new object[]
            {
                new { titleZh = "开幕致辞", titleEn = "Opening", room = "Hall A", startsAt = start, endsAt = start.AddMinutes(30), speakers = new[] { "Li Wei, park director" } },
                new { titleZh = "圆桌讨论", titleEn = "Panel", room = "Hall A", startsAt = start.AddHours(1), endsAt = start.AddHours(2), speakers = new[] { "Zhang Min, curator", "Wang Fang, producer" } },
            },
        };
    }

    /// <summary>Creates and publishes an event as <paramref name="organiser"/>; returns its id.</summary>
    public async Task<int> PublishAsync(string organiser, Dictionary<string, object?>? body = null)
    {
        var client = await ClientAsync(organiser);
        var response = await client.PostAsJsonAsync("/api/v1/events", body ?? Body());
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("id").GetInt32();
        (await client.PostAsync($"/api/v1/events/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Employees of the gallery, created for a test that needs many people.</summary>
    public async Task<List<string>> PeopleAsync(int count, string name)
    {
        var emails = Enumerable.Range(1, count).Select(i => SharedApps.Email($"{name}{i}")).ToList();
        foreach (var email in emails) await TestUsers.CreateAsync(App, email, Roles.Employee, enterpriseId: GalleryId);
        return emails;
    }
}
