using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;
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
}
