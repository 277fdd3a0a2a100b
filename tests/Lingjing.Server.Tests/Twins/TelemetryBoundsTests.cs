using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Lingjing.Server.Tests.Infrastructure;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

/// <summary>Huge and non-finite readings are refused at ingest with the reason, so nothing stored can
/// make a history or rollup query fail.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class TelemetryBoundsTests(DemoZoneFixture zone)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory, BothDatabases]
    public async Task Huge_or_non_finite_readings_are_refused_with_the_reason_and_history_still_answers(Db db)
    {
        var app = await zone.App(db);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(40));
        var twin = await TwinAsync(operatorClient, Climate, 40, 0);
        var device = await RegisterAsync(operatorClient, twin);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", device.Token);

        foreach (var value in new[] { "1.7e308", "-1.7e308", "1e16" })
        {
            var refused = await client.PostAsync(device.TelemetryUrl, Json($$"""{ "values": { "temperature": {{value}} } }"""));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, value);
            (await refused.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe("telemetry 'temperature': expected a number between -1e15 and 1e15.", value);
        }
        foreach (var value in new[] { "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"" })
            (await client.PostAsync(device.TelemetryUrl, Json($$"""{ "values": { "temperature": {{value}} } }"""))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, value);

        var largest = await client.PostAsync(device.TelemetryUrl, Json("""[{ "values": { "temperature": 1e15 } }, { "values": { "temperature": 1e15 } }, { "values": { "temperature": -1e15 } }]"""));
        largest.StatusCode.ShouldBe(HttpStatusCode.OK, await largest.Content.ReadAsStringAsync());
        foreach (var resolution in new[] { "minute", "hour" })
        {
            var history = await operatorClient.GetAsync($"/api/v1/twins/{twin}/history?name=temperature&resolution={resolution}");
            history.StatusCode.ShouldBe(HttpStatusCode.OK, await history.Content.ReadAsStringAsync());
        }
    }
}
