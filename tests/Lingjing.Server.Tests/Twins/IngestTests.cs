using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

[Collection(DemoZoneCollection.Name)]
public sealed class IngestTests(DemoZoneFixture zone)
{
    private static HttpClient Device(LingjingApp app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", token);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory, BothDatabases]
    public async Task Unknown_telemetry_name_gets_400_naming_it_and_good_readings_are_stored(Db db)
    {
        var app = await zone.App(db);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(5));
        var twin = await TwinAsync(operatorClient, Climate, 5, 0);
        var device = await RegisterAsync(operatorClient, twin);
        var client = Device(app, device.Token);

        var unknown = await client.PostAsync(device.TelemetryUrl, Json("""{ "values": { "temperature": 21.5, "temprature": 22 } }"""));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await unknown.Content.ReadFromJsonAsync<Problem>();
        problem!.Detail.ShouldBe("telemetry 'temprature' is not declared by dtmi:lingjing:TemperatureHumiditySensor;1 (its telemetry: temperature, humidity, battery).");

        var wrongType = await client.PostAsync(device.TelemetryUrl, Json("""[{ "values": { "temperature": 21 } }, { "values": { "humidity": "wet" } }]"""));
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongType.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe("reading 1: telemetry 'humidity': expected a number.");

        var noOffset = await client.PostAsync(device.TelemetryUrl, Json("""{ "ts": "2026-01-01T10:00:00", "values": { "temperature": 21 } }"""));
        noOffset.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync(device.TelemetryUrl, Json("{ not json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var now = TestClock.Now;
        var batch = $$"""
            [ { "ts": "{{now.AddSeconds(-2):O}}", "values": { "temperature": 20.5, "humidity": 41 } },
              { "ts": {{now.ToUnixTimeMilliseconds()}}, "values": { "temperature": 21.5 } } ]
            """;
        var ok = await client.PostAsync(device.TelemetryUrl, Json(batch));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(3);

        var latest = await operatorClient.GetFromJsonAsync<TwinLiveView>($"/api/v1/twins/{twin}/latest");
        latest!.Values.Single(v => v.Name == "temperature").Value.ShouldBe(21.5);
        latest.Values.Single(v => v.Name == "humidity").Value.ShouldBe(41);

        // Acknowledged means committed: the rows are in the database when the answer arrives.
        using var scope = app.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var seriesId = app.Services.GetRequiredService<SeriesRegistry>().Find(twin, "temperature")!.Id;
        var stored = await database.Database.SqlQuery<double>($"SELECT value AS \"Value\" FROM telemetry_raw WHERE series_id = {seriesId} ORDER BY ts").ToListAsync();
        stored.ShouldBe([20.5, 21.5]);
    }

    [Fact]
    public async Task Latest_values_are_pushed_as_server_sent_events()
    {
        var app = await zone.App(Db.Sqlite);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(10));
        var twin = await TwinAsync(operatorClient, Occupancy, 10, 0);
        var device = await RegisterAsync(operatorClient, twin);
        (await Device(app, device.Token).PostAsync(device.TelemetryUrl, Json("""{ "values": { "occupancy": 17 } }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/telemetry/live/stream?under={twin}");
        using var response = await operatorClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).ShouldBe("event: live");
        var data = (await reader.ReadLineAsync())!;
        data.ShouldStartWith("data: ");
        var live = System.Text.Json.JsonSerializer.Deserialize<List<TwinLiveView>>(data["data: ".Length..], System.Text.Json.JsonSerializerOptions.Web)!;
        live.ShouldHaveSingleItem().Values.ShouldHaveSingleItem().Value.ShouldBe(17);
    }

    [Fact]
    public async Task A_device_can_only_write_as_itself()
    {
        var app = await zone.App(Db.Sqlite);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(6));
        var first = await RegisterAsync(operatorClient, await TwinAsync(operatorClient, Occupancy, 6, 0));
        var second = await RegisterAsync(operatorClient, await TwinAsync(operatorClient, Occupancy, 6, 1));

        var forged = await Device(app, first.Token).PostAsync(second.TelemetryUrl, Json("""{ "values": { "occupancy": 3 } }"""));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forged.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain($"belongs to device {first.DeviceId}");

        (await app.Anonymous().PostAsync(first.TelemetryUrl, Json("""{ "values": { "occupancy": 3 } }"""))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Device(app, "ljd_made_up").PostAsync(first.TelemetryUrl, Json("""{ "values": { "occupancy": 3 } }"""))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A new token replaces the old one.
        var renewed = await operatorClient.PostAsync($"/api/v1/devices/{first.DeviceId}/token", null);
        var credentials = await renewed.Content.ReadFromJsonAsync<DeviceCredentials>();
        (await Device(app, first.Token).PostAsync(first.TelemetryUrl, Json("""{ "values": { "occupancy": 3 } }"""))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Device(app, credentials!.Token).PostAsync(first.TelemetryUrl, Json("""{ "values": { "occupancy": 3 } }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another park's operator can neither register nor see nor renew park 6's devices.
        var other = await app.SignedInAsync(DemoAccounts.ParkOperator(7));
        (await other.PostAsJsonAsync("/api/v1/devices", new { twinId = await TwinAsync(operatorClient, Occupancy, 6, 2) })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/devices/{first.DeviceId}/token", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<List<DeviceView>>("/api/v1/devices"))!.ShouldNotContain(d => d.Id == first.DeviceId);
        (await other.GetAsync($"/api/v1/twins/{first.DeviceId}/latest")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_is_shown_once_and_stored_only_as_its_hash()
    {
        var app = await zone.App(Db.Sqlite);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(8));
        var twin = await TwinAsync(operatorClient, Energy, 8, 0);
        var device = await RegisterAsync(operatorClient, twin);
        device.Token.ShouldStartWith("ljd_");
        device.MqttTopic.ShouldBe($"telemetry/{twin}");

        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Device>().AsNoTracking().SingleAsync(d => d.Id == twin);
        stored.TokenHash.ShouldBe(DeviceTokens.Hash(device.Token));
        stored.TokenHash.ShouldNotContain(device.Token);
        var listed = await operatorClient.GetStringAsync("/api/v1/devices");
        listed.ShouldContain(twin);
        listed.ShouldNotContain(device.Token);
        (await operatorClient.PostAsJsonAsync("/api/v1/devices", new { twinId = twin })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await operatorClient.PostAsJsonAsync("/api/v1/devices", new { twinId = "p08" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, BothDatabases]
    public async Task Readings_roll_up_into_minutes_and_hours_served_as_history(Db db)
    {
        var app = await zone.App(db);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(9));
        var twin = await TwinAsync(operatorClient, Energy, 9, 0);
        var device = await RegisterAsync(operatorClient, twin);
        var client = Device(app, device.Token);
        var hour = DateTimeOffset.FromUnixTimeSeconds(TestClock.Now.AddHours(-3).ToUnixTimeSeconds() / 3600 * 3600);
        // Minute 0: power 10, 20; minute 1: 30; the object telemetry becomes one series per field.
        var body = $$"""
            [ { "ts": "{{hour.AddSeconds(5):O}}", "values": { "power": 10, "phases": { "l1": 230, "l2": 231, "l3": 229 } } },
              { "ts": "{{hour.AddSeconds(40):O}}", "values": { "power": 20 } },
              { "ts": "{{hour.AddSeconds(70):O}}", "values": { "power": 30 } } ]
            """;
        (await client.PostAsync(device.TelemetryUrl, Json(body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Services.GetRequiredService<TelemetryMaintenance>().RollUpAsync(CancellationToken.None);
        // A late reading of minute 0 arrives after the fold and joins its bucket.
        (await client.PostAsync(device.TelemetryUrl, Json($$"""{ "ts": "{{hour.AddSeconds(10):O}}", "values": { "power": 60 } }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Services.GetRequiredService<TelemetryMaintenance>().RollUpAsync(CancellationToken.None);

        var from = Uri.EscapeDataString(hour.ToString("O"));
        var to = Uri.EscapeDataString(hour.AddHours(1).ToString("O"));
        var minutes = await operatorClient.GetFromJsonAsync<HistoryView>($"/api/v1/twins/{twin}/history?name=power&from={from}&to={to}");
        minutes!.Resolution.ShouldBe("minute");
        minutes.Points.Select(p => (p.At, p.Average, p.Min, p.Max, p.Count)).ShouldBe([(hour, 30.0, 10.0, 60.0, 3L), (hour.AddMinutes(1), 30.0, 30.0, 30.0, 1L)]);
        var hours = await operatorClient.GetFromJsonAsync<HistoryView>($"/api/v1/twins/{twin}/history?name=power&from={from}&to={to}&resolution=hour");
        hours!.Points.ShouldHaveSingleItem().ShouldBe(new HistoryPoint(hour, 30, 10, 60, 4));
        var phase = await operatorClient.GetFromJsonAsync<HistoryView>($"/api/v1/twins/{twin}/history?name=phases.l2&from={from}&to={to}");
        phase!.Points.ShouldHaveSingleItem().Average.ShouldBe(231);

        var unknown = await operatorClient.GetAsync($"/api/v1/twins/{twin}/history?name=voltage");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>())!.Errors["name"]
            .ShouldHaveSingleItem().ShouldContain("it has: phases.l1, phases.l2, phases.l3, power");
        (await operatorClient.GetAsync($"/api/v1/twins/{twin}/history?name=power&from=yesterday")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
