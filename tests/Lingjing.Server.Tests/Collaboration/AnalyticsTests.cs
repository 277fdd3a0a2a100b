using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lingjing.Server.Features.Collaboration;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>The government and park operators see the collaboration of the zone or a park: the network of agreements,
/// flows between segments, the funnel, needs left unmet and the time it takes; every table downloads as CSV and Excel.</summary>
public sealed class AnalyticsTests
{
    private const string Analytics = "/api/v1/collaboration/analytics";

    [Theory, BothDatabases]
    public async Task A_confirmed_agreement_is_a_new_edge_a_flow_and_an_agreed_need_for_the_government_and_the_park(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var forgotten = await scene.PublishNeedAsync(scene.Museum, CollaborationScene.NeedBody("Printed catalogue of the ceramics hall"));
        await using (var scope = scene.App.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var longAgo = DateTime.UtcNow.AddDays(-60);
            await data.Set<Need>().Where(n => n.Id == need || n.Id == forgotten).ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedAt, longAgo));
        }
        var studio = await scene.ClientAsync(scene.Studio);
        (await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/conversations", new { body = "We can do it." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var museum = await scene.ClientAsync(scene.Museum);
        var proposed = await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", new
        {
            partnerEnterpriseId = scene.StudioId, what = "A 12-minute 3D film", amountBand = "100k-500k", startsOn = "2027-01-10",
        });
        var agreement = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await studio.PostAsync($"/api/v1/collaboration/agreements/{agreement}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var gov = await scene.ClientAsync(scene.Gov);
        var network = await gov.GetFromJsonAsync<JsonElement>($"{Analytics}/network?parkId={scene.North}");
        network.GetProperty("agreements").GetInt32().ShouldBe(1);
        network.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("source").GetString(), l.GetProperty("target").GetString(), l.GetProperty("value").GetInt32()))
            .ShouldBe([($"enterprise:{scene.MuseumId}", $"enterprise:{scene.StudioId}", 1)]);
        network.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("nameEn").GetString()).Order().ShouldBe(["Blue Whale Animation", "City Museum"]);
        var flow = (await gov.GetFromJsonAsync<JsonElement>($"{Analytics}/flows?parkId={scene.North}")).EnumerateArray().Single();
        (flow.GetProperty("from").GetString(), flow.GetProperty("to").GetString(), flow.GetProperty("agreements").GetInt32())
            .ShouldBe((IndustryChain.Segments.First(s => s.Categories.Contains("cultural-tourism")).Code, "animation", 1), "the museum's segment to the need's");
        var funnel = (await gov.GetFromJsonAsync<JsonElement>($"{Analytics}/funnel?parkId={scene.North}")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("needs").GetInt32());
        funnel.ShouldBe(new Dictionary<string, int> { ["published"] = 2, ["contacted"] = 1, ["proposed"] = 1, ["agreed"] = 1 });
        var unmet = (await gov.GetFromJsonAsync<JsonElement>($"{Analytics}/unmet?parkId={scene.North}")).EnumerateArray().Single();
        (unmet.GetProperty("segment").GetString(), unmet.GetProperty("published").GetInt32(), unmet.GetProperty("openLong").GetInt32(), unmet.GetProperty("unmetShare").GetDouble())
            .ShouldBe(("animation", 2, 1, 0.5), "the catalogue has waited 60 days");
        var all = (await gov.GetFromJsonAsync<JsonElement>($"{Analytics}/timing?parkId={scene.North}"))[0];
        (all.GetProperty("segment").GetString(), all.GetProperty("contacted").GetInt32(), all.GetProperty("agreed").GetInt32()).ShouldBe(("all", 1, 1));
        all.GetProperty("medianDaysToAgreement").GetDouble().ShouldBeGreaterThanOrEqualTo(59.9);

        var northOperator = await scene.ClientAsync(scene.NorthOperator);
        (await northOperator.GetFromJsonAsync<JsonElement>($"{Analytics}/network")).GetProperty("agreements").GetInt32().ShouldBe(1, "their own park by default");
        (await northOperator.GetAsync($"{Analytics}/network?parkId={scene.South}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "another park's is not theirs");
        (await northOperator.GetAsync($"{Analytics}/flows.csv?parkId={scene.South}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await museum.GetAsync($"{Analytics}/network")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "enterprises do not see the zone's network");
    }

    [Fact]
    public async Task Every_table_downloads_as_csv_and_excel_with_headings_in_the_readers_language()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var museum = await scene.ClientAsync(scene.Museum);
        var proposed = await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", new
        {
            partnerEnterpriseId = scene.StudioId, what = "A 12-minute 3D film", amountBand = "100k-500k", startsOn = "2027-01-10",
        });
        var agreement = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await (await scene.ClientAsync(scene.Studio)).PostAsync($"/api/v1/collaboration/agreements/{agreement}/confirm", null);
        var gov = await scene.ClientAsync(scene.Gov);

        foreach (var table in new[] { "network", "flows", "unmet", "funnel", "timing" })
        {
            var csv = await gov.GetAsync($"{Analytics}/{table}.csv?parkId={scene.North}");
            csv.StatusCode.ShouldBe(HttpStatusCode.OK, table);
            csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            csv.Content.Headers.ContentDisposition!.FileNameStar!.ShouldStartWith($"lingjing-collaboration-{table}-park{scene.North}-");
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a byte order mark, so Excel reads Chinese right");
            var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBeGreaterThan(1, table);

            var xlsx = await gov.GetByteArrayAsync($"{Analytics}/{table}.xlsx?parkId={scene.North}");
            var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            rows.Count.ShouldBe(lines.Length - 1, $"{table}: the workbook has the rows of the CSV");
            rows[0].Keys.ShouldBe(lines[0].Split(','), $"{table}: the same headings");
        }
        var network = await gov.GetStringAsync($"{Analytics}/network.csv?parkId={scene.North}");
        network.ShouldContain("Client,Partner,Agreements");
        network.ShouldContain("City Museum,Blue Whale Animation,1");

        gov.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        (await gov.GetStringAsync($"{Analytics}/funnel.csv?parkId={scene.North}")).ShouldContain("阶段");
        (await gov.GetAsync($"{Analytics}/secrets.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gov.GetAsync($"{Analytics}/funnel.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_commas_and_quotes_are_quoted()
    {
        var table = new Lingjing.Server.Infrastructure.Exports.ExportTable("t", ["Name", "Note"], [["=HYPERLINK(\"http://x\")", "a, \"b\""], ["-12.5", "@sum"]]);

        var text = Encoding.UTF8.GetString(table.ToCsv()[3..]);

        text.ShouldBe("Name,Note\r\n\"'=HYPERLINK(\"\"http://x\"\")\",\"a, \"\"b\"\"\"\r\n-12.5,'@sum\r\n");
    }
}
