using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Twins.Alarms;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

/// <summary>Park operators keep their alarm rules over the API: list, create, read, replace, switch off,
/// delete; invalid rules get problem details keyed by field with messages in the reader's language.
/// Parks 34 (SQLite) / 35 (PostgreSQL) edit, 36 is the other park.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class AlarmRuleApiTests(DemoZoneFixture zone)
{
    private static int Park(Db db) => db == Db.Sqlite ? 34 : 35;

    [Theory, BothDatabases]
    public async Task A_park_operator_creates_reads_edits_switches_off_and_deletes_a_rule(Db db)
    {
        var app = await zone.App(db);
        var park = Park(db);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(park));
        var twin = await TwinAsync(client, Climate, park, 1);

        var created = await client.PostAsJsonAsync("/api/v1/alarm-rules", new
        {
            modelId = Climate, telemetry = "temperature", kind = "threshold", comparison = "above", threshold = 26, windowSeconds = 300,
            severity = "critical", nameEn = "Meeting room too warm", nameZh = "会议室过热",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var rule = (await created.Content.ReadFromJsonAsync<AlarmRuleView>())!;
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/alarm-rules/{rule.Id}");
        rule.ParkId.ShouldBe(park);
        rule.Enabled.ShouldBeTrue();

        (await client.GetFromJsonAsync<List<AlarmRuleView>>("/api/v1/alarm-rules"))![0].Id.ShouldBe(rule.Id); // own rules first, newest first
        (await client.GetFromJsonAsync<AlarmRuleView>($"/api/v1/alarm-rules/{rule.Id}"))!.WindowSeconds.ShouldBe(300);

        var replaced = await client.PutAsJsonAsync($"/api/v1/alarm-rules/{rule.Id}", new
        {
            twinId = twin, telemetry = "humidity", kind = "threshold", comparison = "below", threshold = 25.5, windowSeconds = 0,
            severity = "warning", nameEn = "Too dry", enabled = false,
        });
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var edited = (await client.GetFromJsonAsync<AlarmRuleView>($"/api/v1/alarm-rules/{rule.Id}"))!;
        edited.ShouldBe(rule with
        {
            TwinId = twin, ModelId = Climate, Telemetry = "humidity", Comparison = "below", Threshold = 25.5, WindowSeconds = 0,
            Severity = "warning", NameEn = "Too dry", NameZh = "Too dry", Enabled = false,
        });

        (await client.DeleteAsync($"/api/v1/alarm-rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/alarm-rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothDatabases]
    public async Task Invalid_rules_get_field_keyed_messages_a_person_understands_in_both_languages(Db db)
    {
        var app = await zone.App(db);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(Park(db)));

        var english = await ProblemAsync(client, new { kind = "threshold", modelId = Climate, telemetry = "temp", windowSeconds = -5 }, "en");
        english.Errors.Keys.Order().ShouldBe(["nameEn", "telemetry", "threshold", "windowSeconds"]);
        english.Errors["nameEn"].ShouldBe(["This field is required."]);
        english.Errors["threshold"].ShouldBe(["Enter the limit as a number."]);
        english.Errors["windowSeconds"].ShouldBe(["The duration is from 0 (at once) to 7 days."]);
        english.Detail.ShouldBe("Check these fields: Name (English), Reading, Limit, Duration.");
        english.Title.ShouldBe("The alarm rule is not valid");

        var chinese = await ProblemAsync(client, new { kind = "threshold", modelId = Climate, telemetry = "temp", windowSeconds = -5 }, "zh-CN");
        chinese.Errors["nameEn"].ShouldBe(["此项为必填项。"]);
        chinese.Errors["telemetry"].ShouldBe(["温湿度传感器不发送此读数。请从以下读数中选择：温度、相对湿度、电量。"]);
        chinese.Detail.ShouldBe("请检查以下各项：名称（英文）、读数、限值、时长。");

        // Every message the checks can give, in Chinese, names no field and shows no code.
        var everything = await ProblemAsync(client, new { kind = "sometimes", comparison = "sideways", severity = "loud", nameEn = new string('x', 201) }, "zh-CN");
        var secondary = await ProblemAsync(client, new { kind = "rate", twinId = "no-such-twin", modelId = Climate, windowSeconds = 2, nameEn = "x" }, "zh-CN");
        var messages = everything.Errors.Concat(secondary.Errors).SelectMany(e => e.Value).ToList();
        messages.Count.ShouldBeGreaterThanOrEqualTo(7);
        foreach (var message in messages)
        {
            message.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
            message.ShouldNotMatch("(?i)twinId|modelId|windowSeconds|threshold|nodata");
        }
    }

    [Theory, BothDatabases]
    public async Task Rules_stay_inside_their_park(Db db)
    {
        var app = await zone.App(db);
        var owner = await app.SignedInAsync(DemoAccounts.ParkOperator(Park(db)));
        var other = await app.SignedInAsync(DemoAccounts.ParkOperator(36));
        var created = await owner.PostAsJsonAsync("/api/v1/alarm-rules", new { modelId = Climate, kind = "nodata", windowSeconds = 900, nameEn = "Sensor silent" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var rule = (await created.Content.ReadFromJsonAsync<AlarmRuleView>())!;

        (await other.GetAsync($"/api/v1/alarm-rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/v1/alarm-rules/{rule.Id}", new { modelId = Climate, kind = "nodata", windowSeconds = 60, nameEn = "Mine now" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/alarm-rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<List<AlarmRuleView>>("/api/v1/alarm-rules"))!.ShouldNotContain(r => r.Id == rule.Id);
        // A device of another park cannot be watched.
        var foreignTwin = await TwinAsync(other, Climate, 36, 0);
        (await ProblemAsync(owner, new { twinId = foreignTwin, telemetry = "temperature", kind = "threshold", threshold = 1, nameEn = "x" }, "en"))
            .Errors["twinId"].ShouldBe(["Your park has no device with this id."]);
        // Zone-wide rules are seen, not changed.
        var zoneRule = (await owner.GetFromJsonAsync<List<AlarmRuleView>>("/api/v1/alarm-rules"))!.First(r => r.ParkId is null);
        (await owner.PutAsJsonAsync($"/api/v1/alarm-rules/{zoneRule.Id}", new { modelId = Climate, kind = "nodata", windowSeconds = 60, nameEn = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.SignedInAsync(DemoAccounts.Government)).GetAsync("/api/v1/alarm-rules")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.DeleteAsync($"/api/v1/alarm-rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private static async Task<HttpValidationProblemDetails> ProblemAsync(HttpClient client, object body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarm-rules") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
    }
}
