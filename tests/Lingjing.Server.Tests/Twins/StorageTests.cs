using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Shouldly;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

public sealed class StorageTests(TwinsAppFixture fixture) : IClassFixture<TwinsAppFixture>
{
    private TwinsTestApp App => fixture.App;

    private static StringContent Readings(int count, DateTimeOffset start) =>
        new("[" + string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{ "ts": {{start.AddSeconds(i).ToUnixTimeMilliseconds()}}, "values": { "occupancy": {{i}} } }""")) + "]",
            Encoding.UTF8, "application/json");

    private long Count(string sql)
    {
        using var connection = new SqliteConnection(App.Service<DatabaseSettings>().ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Full_queue_answers_503_with_retry_after_and_queued_readings_are_acknowledged_once_durable()
    {
        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(16));
        var twin = await TwinAsync(operatorClient, Occupancy, 16, 0);
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);
        var url = $"/api/v1/devices/{twin}/telemetry";
        var start = App.Clock.GetUtcNow().AddMinutes(-30);
        var seriesBefore = await device.PostAsync(url, Readings(1, start.AddMinutes(-1)));
        seriesBefore.StatusCode.ShouldBe(HttpStatusCode.OK);
        var seriesId = App.Service<SeriesRegistry>().Find(twin, "occupancy")!.Id;

        // Another writer holds SQLite's write lock: the telemetry writer waits, the queue fills.
        using var blocker = new SqliteConnection(App.Service<DatabaseSettings>().ConnectionString);
        blocker.Open();
        using (var begin = blocker.CreateCommand()) { begin.CommandText = "BEGIN IMMEDIATE"; begin.ExecuteNonQuery(); }

        var first = device.PostAsync(url, Readings(40, start));
        var queue = App.Service<TelemetryQueue>();
        for (var i = 0; i < 400 && queue.Held < 40; i++) await Task.Delay(25);
        queue.Held.ShouldBe(40);
        first.IsCompleted.ShouldBeFalse();

        var refused = await device.PostAsync(url, Readings(20, start.AddMinutes(5)));
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        (await refused.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("queue is full");
        Count($"SELECT count(*) FROM telemetry_raw WHERE series_id = {seriesId}").ShouldBe(1);

        using (var rollback = blocker.CreateCommand()) { rollback.CommandText = "ROLLBACK"; rollback.ExecuteNonQuery(); }
        var accepted = await first;
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        Count($"SELECT count(*) FROM telemetry_raw WHERE series_id = {seriesId}").ShouldBe(41);
        (await device.PostAsync(url, Readings(20, start.AddMinutes(5)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        queue.Held.ShouldBe(0);
    }

    [Fact]
    public async Task A_request_larger_than_allowed_gets_400()
    {
        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(17));
        var twin = await TwinAsync(operatorClient, Occupancy, 17, 0);
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);
        var response = await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Readings(TwinsAppFixture.QueueCapacity + 1, App.Clock.GetUtcNow().AddHours(-1)));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe($"A request may carry at most {TwinsAppFixture.QueueCapacity} values.");
    }

    [Fact]
    public async Task Raw_readings_expire_after_the_retention_while_rollups_stay_two_years()
    {
        var operatorClient = await App.SignedInAsync(DemoAccounts.ParkOperator(18));
        var twin = await TwinAsync(operatorClient, Occupancy, 18, 0);
        var device = App.Device((await RegisterAsync(operatorClient, twin)).Token);
        var now = App.Clock.GetUtcNow();
        (await device.PostAsync($"/api/v1/devices/{twin}/telemetry", Readings(30, now.AddHours(-2)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seriesId = App.Service<SeriesRegistry>().Find(twin, "occupancy")!.Id;
        var maintenance = App.Service<TelemetryMaintenance>();
        await maintenance.RollUpAsync(CancellationToken.None);

        await maintenance.ApplyRetentionAsync(now.AddDays(6), CancellationToken.None);
        Count($"SELECT count(*) FROM telemetry_raw WHERE series_id = {seriesId}").ShouldBe(30);
        await maintenance.ApplyRetentionAsync(now.AddDays(7), CancellationToken.None);
        Count($"SELECT count(*) FROM telemetry_raw WHERE series_id = {seriesId}").ShouldBe(0);
        Count($"SELECT coalesce(sum(count), 0) FROM telemetry_minute WHERE series_id = {seriesId}").ShouldBe(30);
        Count($"SELECT coalesce(sum(count), 0) FROM telemetry_hour WHERE series_id = {seriesId}").ShouldBe(30);

        await maintenance.ApplyRetentionAsync(now.AddDays(729), CancellationToken.None);
        Count($"SELECT count(*) FROM telemetry_hour WHERE series_id = {seriesId}").ShouldBeGreaterThan(0);
        await maintenance.ApplyRetentionAsync(now.AddDays(731), CancellationToken.None);
        Count($"SELECT count(*) FROM telemetry_minute WHERE series_id = {seriesId}").ShouldBe(0);
        Count($"SELECT count(*) FROM telemetry_hour WHERE series_id = {seriesId}").ShouldBe(0);
    }
}
