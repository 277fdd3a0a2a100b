using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Tests.Infrastructure;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

/// <summary>The alarm stream and the bell's stream: who gets which events. Parks 31 to 33 are this class's.</summary>
public sealed class AlarmStreamTests(AlarmStreamTests.App fixture) : IClassFixture<AlarmStreamTests.App>
{
    /// <summary>A demo-zone server of this class's own (its clock is moved by no other test).</summary>
    public sealed class App : IAsyncLifetime
    {
        public TwinsTestApp Server { get; private set; } = null!;
        public async Task InitializeAsync() => Server = await TwinsTestApp.StartAsync(Db.Sqlite);
        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private TwinsTestApp Server => fixture.Server;

    private static StringContent Reading(string values) => new($$"""{ "values": {{values}} }""", Encoding.UTF8, "application/json");

    private async Task<HttpClient> WarmDeviceAsync(HttpClient operatorClient, int park)
    {
        var twin = await TwinAsync(operatorClient, Climate, park, 0);
        var device = Server.Device((await RegisterAsync(operatorClient, twin)).Token);
        device.BaseAddress = new Uri(device.BaseAddress!, $"/api/v1/devices/{twin}/telemetry");
        return device;
    }

    private static bool About(JsonElement change, string kind, int park) =>
        change.GetProperty("change").GetString() == kind && change.GetProperty("alarm").GetProperty("parkId").GetInt32() == park;

    [Fact]
    public async Task A_raised_alarm_reaches_its_park_and_the_government_but_not_another_park()
    {
        var park31 = await Server.SignedInAsync(DemoAccounts.ParkOperator(31));
        var park32 = await Server.SignedInAsync(DemoAccounts.ParkOperator(32));
        var government = await Server.SignedInAsync(DemoAccounts.Government);
        await using var own = await EventStream.OpenAsync(park31, "/api/v1/alarms/stream");
        await using var other = await EventStream.OpenAsync(park32, "/api/v1/alarms/stream?parkId=31"); // a forged park id is ignored
        await using var zone = await EventStream.OpenAsync(government, "/api/v1/alarms/stream");
        await using var onePark = await EventStream.OpenAsync(government, "/api/v1/alarms/stream?parkId=32");
        foreach (var stream in new[] { own, other, zone, onePark }) await stream.NextAsync("ready");

        var device31 = await WarmDeviceAsync(park31, 31);
        (await device31.PostAsync("", Reading("""{ "temperature": 35.5 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var raised = await own.NextAsync("alarm", c => About(c, "raised", 31));
        var alarm = raised.GetProperty("alarm");
        alarm.GetProperty("messageEn").GetString().ShouldBe("Temperature 35.5 °C, above the 30 °C limit");
        alarm.GetProperty("messageZh").GetString().ShouldBe("温度 35.5 °C，高于 30 °C 上限");
        (await zone.NextAsync("alarm", c => About(c, "raised", 31))).GetProperty("alarm").GetProperty("id").GetString().ShouldBe(alarm.GetProperty("id").GetString());

        (await park31.PostAsync($"/api/v1/alarms/{alarm.GetProperty("id").GetString()}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await own.NextAsync("alarm", c => About(c, "acknowledged", 31));

        // Park 32's own alarm is the first alarm event its operator and the government's park-32 stream see.
        var device32 = await WarmDeviceAsync(park32, 32);
        (await device32.PostAsync("", Reading("""{ "temperature": 33 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        About(await other.NextAsync("alarm"), "raised", 32).ShouldBeTrue();
        About(await onePark.NextAsync("alarm"), "raised", 32).ShouldBeTrue();

        (await device31.PostAsync("", Reading("""{ "temperature": 22 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await own.NextAsync("alarm", c => About(c, "cleared", 31));
    }

    [Fact]
    public async Task Only_park_operators_and_the_government_may_follow_alarms()
    {
        (await Server.CreateClient().GetAsync("/api/v1/alarms/stream")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var enterprise = await Server.SignedInAsync(DemoAccounts.EnterpriseAdmin(1));
        var refused = await enterprise.GetAsync("/api/v1/alarms/stream");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await enterprise.GetAsync("/api/v1/alarms")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_bell_stream_counts_the_readers_own_unread_notifications_as_they_come()
    {
        var park33 = await Server.SignedInAsync(DemoAccounts.ParkOperator(33));
        await using var bell = await EventStream.OpenAsync(park33, "/api/v1/me/notifications/stream");
        var before = (await bell.NextAsync("unread")).GetProperty("count").GetInt32();
        before.ShouldBe((await park33.GetFromJsonAsync<NotificationInbox>("/api/v1/me/notifications"))!.Unread);

        var device = await WarmDeviceAsync(park33, 33);
        (await device.PostAsync("", Reading("""{ "temperature": 40 }"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bell.NextAsync("unread", u => u.GetProperty("count").GetInt32() == before + 1)).ShouldNotBe(default);

        (await park33.PostAsync("/api/v1/me/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await bell.NextAsync("unread", u => u.GetProperty("count").GetInt32() == 0);

        // An enterprise account follows its own count, which a park's alarm does not touch.
        var enterprise = await Server.SignedInAsync(DemoAccounts.EnterpriseAdmin(2));
        await using var theirs = await EventStream.OpenAsync(enterprise, "/api/v1/me/notifications/stream");
        (await theirs.NextAsync("unread")).GetProperty("count").GetInt32()
            .ShouldBe((await enterprise.GetFromJsonAsync<NotificationInbox>("/api/v1/me/notifications"))!.Unread);
    }
}
