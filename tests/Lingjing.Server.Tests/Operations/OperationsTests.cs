using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Operations;

/// <summary>The government's operations view of the background jobs, and the jobs in <c>/health</c>.</summary>
public sealed class OperationsTests
{
    private static readonly string Official = SharedApps.Email("official");

    [Theory, BothDatabases]
    public async Task Government_sees_every_background_job_with_its_runs(Db db)
    {
        var app = await SharedApps.Blank(db);
        await TestUsers.CreateAsync(app, Official, Roles.Government);
        var gov = await app.SignedInAsync(Official, TestUsers.Password);

        var jobs = (await gov.GetFromJsonAsync<JsonElement[]>("/api/v1/operations/jobs"))!;

        var names = jobs.Select(j => j.GetProperty("name").GetString()).ToList();
        names.ShouldBe(["alarm-no-data", "booking-housekeeping", "demo-devices", "event-reminders", "policy-rematch", "record-head", "record-seal", "telemetry-latest-flush", "telemetry-retention", "telemetry-rollup"]);
        jobs.Single(j => j.GetProperty("name").GetString() == "demo-devices").GetProperty("disabled").GetBoolean().ShouldBeTrue("no demo devices in tests");
        jobs.Single(j => j.GetProperty("name").GetString() == "booking-housekeeping").GetProperty("intervalSeconds").GetDouble().ShouldBe(60);

        var page = await (await gov.GetAsync("/gov/operations")).Content.ReadAsStringAsync();
        page.ShouldContain("data-job=\"policy-rematch\"");
        page.ShouldContain("Booking no-show release and reminders");
    }

    [Theory, BothDatabases]
    public async Task Health_lists_the_jobs_as_json_without_error_texts(Db db)
    {
        var app = await SharedApps.Blank(db);

        var response = await app.Anonymous().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        health.GetProperty("status").GetString().ShouldBe("Healthy");
        var jobs = health.GetProperty("checks").GetProperty("jobs");
        jobs.GetProperty("status").GetString().ShouldBe("Healthy");
        var housekeeping = jobs.GetProperty("data").GetProperty("booking-housekeeping");
        housekeeping.GetProperty("intervalSeconds").GetDouble().ShouldBe(60);
        housekeeping.GetProperty("lastError").ValueKind.ShouldBe(JsonValueKind.Null);
        health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Employees_and_park_operators_are_refused()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var workerEmail = SharedApps.Email("worker");
        await TestUsers.CreateAsync(app, workerEmail, Roles.Employee);
        var employee = await app.SignedInAsync(workerEmail, TestUsers.Password);

        (await employee.GetAsync("/api/v1/operations/jobs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/operations/jobs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
