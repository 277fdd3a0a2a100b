using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;
using static Lingjing.Server.Tests.Government.ServiceHallScene;

namespace Lingjing.Server.Tests.Government;

/// <summary>The service hall's pages and the government's figures as people and exports read them: a visitor's number on
/// the hall's page with its place, the official's console with the queue and the called visitor, the figures with the
/// desk's wait and satisfaction, as CSV and Excel.</summary>
public sealed class ServicePagesTests
{
    [Fact]
    public async Task The_hall_the_console_and_the_figures_show_the_queue_and_what_came_of_it()
    {
        await using var scene = await StartAsync(Db.Sqlite);
        var visitor = await scene.PersonAsync("page.visitor");
        var other = await scene.PersonAsync("page.other");
        var official = await scene.PersonAsync("page.official", Roles.Government);
        await OkAsync(other.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/tickets", null), HttpStatusCode.Created);
        var ticket = await OkAsync(visitor.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/tickets", null), HttpStatusCode.Created);

        var hall = await visitor.GetStringAsync("/service-hall");
        hall.ShouldContain("data-ticket-number>A002<");
        hall.ShouldContain("data-ticket-position=\"2\"");
        hall.ShouldContain("data-book-appointment=\"C\"", Case.Sensitive, "the closed desk offers its room");
        (await scene.App.Anonymous().GetStringAsync("/service-hall")).ShouldContain("data-desk-code=\"A\"");

        await OkAsync(official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/sign-in", null));
        var first = await OkAsync(official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/call-next", null));
        var console = await official.GetStringAsync($"/gov/service-hall/desks/{scene.DeskA}");
        console.ShouldContain("data-serving=\"A001\"");
        console.ShouldContain("data-waiting=\"A002\"");
        await OkAsync(official.PostAsJsonAsync($"/api/v1/service-hall/tickets/{first.GetProperty("id").GetGuid()}/finish", new { outcome = "Explained the grant." }));
        await OkAsync(official.PostAsync($"/api/v1/service-hall/desks/{scene.DeskA}/call-next", null));
        (await visitor.GetStringAsync("/service-hall")).ShouldContain("data-ticket-called");
        await OkAsync(official.PostAsJsonAsync($"/api/v1/service-hall/tickets/{ticket.GetProperty("id").GetGuid()}/finish", new { outcome = "Applied online." }));
        await OkAsync(visitor.PostAsJsonAsync($"/api/v1/service-hall/tickets/{ticket.GetProperty("id").GetGuid()}/rating", new { stars = 4 }));

        var desks = await official.GetFromJsonAsync<JsonElement>("/api/v1/service-hall/figures/desks?days=7");
        var a = desks.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "A");
        (a.GetProperty("visitors").GetInt32(), a.GetProperty("served").GetInt32(), a.GetProperty("averageRating").GetDouble()).ShouldBe((2, 2, 4.0));
        (await official.GetStringAsync("/gov/service-hall/figures")).ShouldContain("data-desk-figures=\"A\"");
        var csv = await official.GetStringAsync("/api/v1/service-hall/figures/desks.csv");
        csv.ShouldContain("Average wait (min)");
        (await official.GetAsync("/api/v1/service-hall/figures/desks.xlsx")).Content.Headers.ContentType!.MediaType
            .ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await official.GetAsync("/api/v1/service-hall/figures/nothing.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await official.GetAsync("/api/v1/service-hall/figures/desks?days=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await visitor.GetAsync("/api/v1/service-hall/figures/desks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_government_sets_a_desks_days_hours_and_room_on_its_settings_page()
    {
        await using var scene = await StartAsync(Db.Sqlite);
        await TestUsers.CreateAsync(scene.App, "settings.official@example.test", Roles.Government);
        var pages = await PortalBrowser.SignedInWithCookieAsync(scene.App, "settings.official@example.test", TestUsers.Password);
        var path = $"/gov/service-hall/desks/{scene.DeskB}/settings";
        var page = PortalBrowser.Text(await pages.GetStringAsync(path));
        page.ShouldContain("Appointment room C", Case.Sensitive, "the zone's meeting rooms are offered");
        page.ShouldContain("value=\"00:00-23:59\"");

        var fields = new Dictionary<string, string>
        {
            ["Form.NameZh"] = "版权窗口", ["Form.NameEn"] = "Copyright desk", ["Form.Hours"] = "09:00-12:00, 13:30-17:30",
            ["Form.Monday"] = "true", ["Form.Wednesday"] = "true", ["Form.Saturday"] = "true", ["Form.AppointmentSpaceId"] = scene.AppointmentRoom.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var refused = await PortalBrowser.PostFormAsync(pages, path, "desk-settings", new(fields) { ["Form.Hours"] = "9 to 5" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalBrowser.Text(await refused.Content.ReadAsStringAsync()).ShouldContain("Write the opening periods as 09:00-12:00,13:30-17:30.");

        var saved = await PortalBrowser.PostFormAsync(pages, path, "desk-settings", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        PortalBrowser.RedirectPath(saved).ShouldBe(path + "?saved=true");
        var desk = (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/service-hall/desks")).EnumerateArray()
            .Single(d => d.GetProperty("id").GetInt32() == scene.DeskB);
        (desk.GetProperty("nameEn").GetString(), desk.GetProperty("weekdays").GetInt32(), desk.GetProperty("hours").GetString(), desk.GetProperty("appointmentSpaceId").GetInt32())
            .ShouldBe(("Copyright desk", 1 | 4 | 32, "09:00-12:00, 13:30-17:30", scene.AppointmentRoom));
        (await pages.GetAsync("/gov/service-hall/desks/999999/settings")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
