using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Twins.Alarms;
using Lingjing.Server.Tests.Infrastructure;
using Shouldly;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

public sealed class AlarmLifecycleTests(TwinsAppFixture fixture) : IClassFixture<TwinsAppFixture>
{
    private TwinsTestApp App => fixture.App;

    private static StringContent Reading(string values, DateTimeOffset? at = null) =>
        new(at is { } t ? $$"""{ "ts": "{{t:O}}", "values": {{values}} }""" : $$"""{ "values": {{values}} }""", Encoding.UTF8, "application/json");

    /// <summary>Alarms are recorded by a background loop: a test follows the alarm stream and awaits the change.</summary>
    private static async Task<EventStream> FollowAlarmsAsync(HttpClient operatorClient)
    {
        var stream = await EventStream.OpenAsync(operatorClient, "/api/v1/alarms/stream");
        await stream.NextAsync("ready");
        return stream;
    }

    private static async Task<AlarmView> NextAlarmAsync(EventStream alarms, string twinId, string change) =>
        (await alarms.NextAsync("alarm", c => c.GetProperty("change").GetString() == change
            && c.GetProperty("alarm").GetProperty("twinId").GetString() == twinId))
        .GetProperty("alarm").Deserialize<AlarmView>(JsonSerializerOptions.Web)!;

    [Fact]
    public async Task Threshold_alarm_goes_active_then_acknowledged_then_cleared_and_operators_are_told()
    {
        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(11));
        await using var alarms = await FollowAlarmsAsync(operatorClient);
        await using var bell = await EventStream.OpenAsync(operatorClient, "/api/v1/me/notifications/stream");
        var unread = (await bell.NextAsync("unread")).GetProperty("count").GetInt32();
        var twin = await TwinAsync(operatorClient, Climate, 11, 0);
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);

        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "temperature": 24 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "temperature": 35.5 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var active = await NextAlarmAsync(alarms, twin, AlarmChange.Raised);
        active.State.ShouldBe(AlarmStates.Active);
        active.RuleNameEn.ShouldBe("Space too warm");
        active.Value.ShouldBe(35.5);
        active.RaisedAt.ShouldBe(App.Clock.GetUtcNow());
        active.MessageEn.ShouldBe("Temperature 35.5 °C, above the 30 °C limit");
        active.MessageZh.ShouldBe("温度 35.5 °C，高于 30 °C 上限");

        // The alarm is stored first and its notification written right after: await the bell's count going up.
        await bell.NextAsync("unread", u => u.GetProperty("count").GetInt32() > unread);
        (await operatorClient.GetFromJsonAsync<NotificationInbox>("/api/v1/me/notifications"))!.Items
            .ShouldContain(n => n.Kind == "alarm" && n.Title == $"Space too warm: {active.TwinNameEn}" && n.Body == active.MessageEn);
        // Another park's operator hears nothing of it and cannot acknowledge it.
        var other = await App.SignedInAsync(DemoAccounts.ParkOperator(12));
        (await other.GetFromJsonAsync<NotificationInbox>("/api/v1/me/notifications"))!.Items.ShouldNotContain(n => n.Body == active.MessageEn);
        (await other.PostAsync($"/api/v1/alarms/{active.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Still hot: no second alarm.
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "temperature": 36 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        (await operatorClient.PostAsync($"/api/v1/alarms/{active.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var acknowledged = await NextAlarmAsync(alarms, twin, AlarmChange.Acknowledged);
        acknowledged.AcknowledgedAt.ShouldBe(App.Clock.GetUtcNow());

        App.Clock.Advance(TimeSpan.FromSeconds(30));
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "temperature": 23 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cleared = await NextAlarmAsync(alarms, twin, AlarmChange.Cleared);
        cleared.Id.ShouldBe(active.Id);
        cleared.ClearedAt.ShouldBe(App.Clock.GetUtcNow());
        (await operatorClient.GetFromJsonAsync<List<AlarmView>>("/api/v1/alarms"))!.ShouldNotContain(a => a.TwinId == twin);
        (await operatorClient.PostAsync($"/api/v1/alarms/{active.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task No_data_alarm_follows_the_injected_clock()
    {
        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(1));
        await using var alarms = await FollowAlarmsAsync(operatorClient);
        const string twin = "p01-line-auto-press";
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "state": 1, "speed": 1.3 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);

        App.Clock.Advance(TimeSpan.FromMinutes(9));
        (await operatorClient.GetFromJsonAsync<List<AlarmView>>("/api/v1/alarms?state=all"))!.ShouldNotContain(a => a.TwinId == twin);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var silent = await NextAlarmAsync(alarms, twin, AlarmChange.Raised);
        silent.RuleNameEn.ShouldBe("Machine silent for 10 minutes");
        silent.Severity.ShouldBe("warning");

        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "state": 1 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        App.Clock.Advance(TimeSpan.FromSeconds(16));
        (await NextAlarmAsync(alarms, twin, AlarmChange.Cleared)).Id.ShouldBe(silent.Id);
    }

    [Fact]
    public async Task Rate_of_change_rule_raises_on_a_fast_rise()
    {
        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(13));
        await using var alarms = await FollowAlarmsAsync(operatorClient);
        var twin = await TwinAsync(operatorClient, Energy, 13, 0);
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);
        var now = App.Clock.GetUtcNow();
        // +30 kW in a minute: under the demo rule's 100 kW/min.
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "power": 10 }""", now.AddSeconds(-120)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "power": 40 }""", now.AddSeconds(-60)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // +200 kW over the last minute of the window: 2 minutes from 10 kW to 250 kW is 120 kW/min.
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "power": 250 }""", now))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var alarm = await NextAlarmAsync(alarms, twin, AlarmChange.Raised);
        alarm.RuleNameEn.ShouldBe("Power surge (over 100 kW/min)");
        alarm.Value.ShouldBe(120);
    }

    [Fact]
    public async Task Oee_per_shift_multiplies_availability_performance_and_quality()
    {
        // Half an hour into the next shift (06:00, 14:00, 22:00 in Asia/Shanghai), so the readings sit in one shift.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow(), zone);
        var next = new DateTimeOffset(local.Date.AddHours(6), zone.BaseUtcOffset);
        while (next <= local) next = next.AddHours(8);
        App.Clock.SetUtcNow(next.AddMinutes(30));
        var now = App.Clock.GetUtcNow();

        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(1));
        const string twin = "p01-line-textile-spin"; // ideal rate 60 per minute
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);
        // Ten readings a minute apart: running 8 of 10, 90 good and 10 bad made.
        var readings = Enumerable.Range(0, 10).Select(i => System.Text.Json.JsonSerializer.Serialize(new
        {
            ts = now.AddMinutes(i - 10).ToUnixTimeMilliseconds(),
            values = new { state = i is 3 or 7 ? 2 : 1, goodCount = 1000 + 10 * i, badCount = 50 + (i * 10 + 9) / 9 - 1 },
        }));
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", new StringContent("[" + string.Join(",", readings) + "]", Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.Service<Lingjing.Server.Features.Twins.Ingest.TelemetryMaintenance>().RollUpAsync(CancellationToken.None);

        var lines = await operatorClient.GetFromJsonAsync<List<Lingjing.Server.Features.Twins.Oee.LineOee>>("/api/v1/lines/oee");
        var textile = lines!.Single(l => l.TwinId == "p01-line-textile");
        var shift = textile.Shifts[0];
        shift.Start.ShouldBe(next);
        shift.Machines.ShouldBe(1);
        shift.Availability.ShouldBe(0.8, 1e-9);
        shift.Good.ShouldBe(90);
        shift.Bad.ShouldBe(10);
        shift.Quality.ShouldBe(0.9, 1e-9);
        // Planned: the 10 minutes the machine reported; running 8 of them at 60 per minute could make 480.
        shift.Performance.ShouldBe(100.0 / 480, 1e-9);
        shift.Oee.ShouldBe(0.8 * (100.0 / 480) * 0.9, 1e-9);
    }

    [Fact]
    public async Task Operator_rules_are_checked_against_the_model()
    {
        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(14));
        await using var alarms = await FollowAlarmsAsync(operatorClient);
        var bad = await operatorClient.PostAsJsonAsync("/api/v1/alarm-rules", new { modelId = Climate, telemetry = "temp", kind = "threshold", threshold = 28, nameEn = "Warm" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>())!.Errors["telemetry"].ShouldHaveSingleItem()
            .ShouldBe("Temperature and humidity sensor devices do not send this reading. Choose one of: Temperature, Relative humidity, Battery.");
        (await operatorClient.PostAsJsonAsync("/api/v1/alarm-rules", new { modelId = Climate, telemetry = "humidity", kind = "rate", threshold = 5, windowSeconds = 2, nameEn = "Humid" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var twin = await TwinAsync(operatorClient, Climate, 14, 0);
        var created = await operatorClient.PostAsJsonAsync("/api/v1/alarm-rules", new { twinId = twin, telemetry = "humidity", kind = "threshold", comparison = "below", threshold = 20, severity = "critical", nameEn = "Too dry", nameZh = "过于干燥" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var rule = await created.Content.ReadFromJsonAsync<AlarmRuleView>();
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Reading("""{ "humidity": 12 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var alarm = await NextAlarmAsync(alarms, twin, AlarmChange.Raised);
        alarm.RuleId.ShouldBe(rule!.Id);
        alarm.MessageZh.ShouldContain("低于 20");

        var other = await App.SignedInAsync(DemoAccounts.ParkOperator(15));
        (await other.DeleteAsync($"/api/v1/alarm-rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<List<AlarmRuleView>>("/api/v1/alarm-rules"))!.ShouldNotContain(r => r.Id == rule.Id);
        (await operatorClient.DeleteAsync($"/api/v1/alarm-rules/{rule.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}
