using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Bookings;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Platform;

/// <summary>OpenTelemetry metrics as Prometheus text at /metrics: the world, bookings, ingest and jobs
/// meters; readable by loopback scrapers and the government, not by anyone else.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Government_reads_the_platforms_meters_as_prometheus_text()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var metricsEmail = SharedApps.Email("metrics");
        var scene = await BookingScene.CreateAsync(app, users: 1);
        (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 11)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await TestUsers.CreateAsync(app, metricsEmail, Roles.Government);
        var gov = await app.SignedInAsync(metricsEmail, TestUsers.Password);

        // The exporter answers a scrape from a cache for a moment (300 ms), so a scrape by another test of this shared
        // server just before the booking may be what comes back: scrape again until the booking's series shows.
        HttpResponseMessage response;
        string text;
        System.Text.RegularExpressions.Match confirmed;
        var attempts = 0;
        do
        {
            if (attempts++ > 0) await Task.Delay(400);
            response = await gov.GetAsync("/metrics");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            text = await response.Content.ReadAsStringAsync();
            // OpenTelemetry listens to every meter of that name in the process, and other tests' servers
            // run in this process too: this server's booking is counted, perhaps beside theirs.
            confirmed = System.Text.RegularExpressions.Regex.Match(text,
                @"^lingjing_bookings_requests_total\{otel_scope_name=""Lingjing.Bookings"",outcome=""confirmed""\} (\d+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        }
        while (!confirmed.Success && attempts < 10);
        confirmed.Success.ShouldBeTrue(text);
        long.Parse(confirmed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        text.ShouldContain("lingjing_ingest_queue_capacity");
        text.ShouldContain("lingjing_world_sessions");
        text.ShouldContain("http_server_request_duration_seconds");
    }

    [Fact]
    public async Task Other_callers_cannot_read_metrics()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var workerEmail = SharedApps.Email("worker");
        await TestUsers.CreateAsync(app, workerEmail, Roles.Employee);
        var employee = await app.SignedInAsync(workerEmail, TestUsers.Password);

        // The in-memory test server has no remote address, so nobody here is on loopback.
        var anonymous = await app.Anonymous().GetAsync("/metrics");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Found, "sent to sign in, like every page");
        anonymous.Headers.Location!.ToString().ShouldContain("/account/signin");
        (await employee.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
