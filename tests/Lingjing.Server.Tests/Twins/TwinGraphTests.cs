using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Lingjing.Server.Tests.Twins;

[Collection(DemoZoneCollection.Name)]
public sealed class TwinGraphTests(DemoZoneFixture zone)
{
    private const string Machine = "dtmi:lingjing:Machine;1";

    [Fact]
    public async Task Machines_under_the_textile_line_are_found_by_model_and_under()
    {
        var app = await zone.App(Db.Sqlite);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(1));
        var page = await client.GetFromJsonAsync<TwinPage>($"/api/v1/twins?model={Uri.EscapeDataString(Machine)}&under=p01-line-textile");
        // Ignoring twins another test of this collection adds to the line.
        page!.Items.Select(t => t.Id).Where(id => !id.Contains("-extra-")).ShouldBe(["p01-line-textile-dye", "p01-line-textile-finish", "p01-line-textile-loom1", "p01-line-textile-loom2", "p01-line-textile-spin", "p01-line-textile-warp"]);
        var auto = await client.GetFromJsonAsync<TwinPage>($"/api/v1/twins?model={Uri.EscapeDataString(Machine)}&under=p01-line-auto");
        auto!.Items.Count(t => !t.Id.Contains("-extra-")).ShouldBe(6);
        var lines = await client.GetFromJsonAsync<TwinPage>("/api/v1/twins?model=" + Uri.EscapeDataString("dtmi:lingjing:ProductionLine;1"));
        lines!.Items.Select(l => l.Properties.GetProperty("industry").GetString()).ShouldBe(["automotive", "textile"]);
    }

    [Fact]
    public async Task Park_contains_building_contains_space_has_sensor()
    {
        var app = await zone.App(Db.Sqlite);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(1));
        var spaces = await client.GetFromJsonAsync<TwinPage>("/api/v1/twins?model=" + Uri.EscapeDataString("dtmi:lingjing:Space;1") + "&under=p01&limit=1");
        var space = spaces!.Items.ShouldHaveSingleItem();
        space.Id.ShouldStartWith("p01-s");
        var sensors = await client.GetFromJsonAsync<TwinPage>($"/api/v1/twins?relationship=hasSensor&related={space.Id}");
        sensors!.Items.Select(s => s.ModelId).ShouldBe(["dtmi:lingjing:OccupancySensor;1", "dtmi:lingjing:TemperatureHumiditySensor;1"]);

        var parent = await client.GetFromJsonAsync<TwinView>($"/api/v1/twins/{space.ParentId}");
        parent!.ModelId.ShouldBeOneOf("dtmi:lingjing:Floor;1", "dtmi:lingjing:Park;1");
        parent.Relationships.ShouldContain(r => r.Name == "contains" && r.TargetId == space.Id);
    }

    [Fact]
    public async Task Twins_are_queried_by_property()
    {
        var app = await zone.App(Db.Sqlite);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(1));
        var looms = await client.GetFromJsonAsync<TwinPage>("/api/v1/twins?property.kind=loom");
        looms!.Items.Select(t => t.Id).Where(id => !id.Contains("-extra-")).ShouldBe(["p01-line-textile-loom1", "p01-line-textile-loom2"]);
        var paged = await client.GetFromJsonAsync<TwinPage>("/api/v1/twins?property.kind=loom&limit=1");
        paged!.NextAfter.ShouldBe("p01-line-textile-loom1");
        var rest = await client.GetFromJsonAsync<TwinPage>("/api/v1/twins?property.kind=loom&limit=1&after=p01-line-textile-loom1");
        rest!.Items.ShouldHaveSingleItem().Id.ShouldBe("p01-line-textile-loom2");
    }

    [Fact]
    public async Task Operator_of_another_park_sees_none_of_park_one()
    {
        var app = await zone.App(Db.Sqlite);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(2));
        (await client.GetAsync("/api/v1/twins/p01-line-textile")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var all = await client.GetFromJsonAsync<TwinPage>("/api/v1/twins?limit=1000");
        all!.Items.ShouldNotBeEmpty();
        all.Items.ShouldAllBe(t => t.ParkId == 2);
        var under = await client.GetFromJsonAsync<TwinPage>("/api/v1/twins?under=p01");
        under!.Items.ShouldBeEmpty();

        var government = await app.SignedInAsync(DemoAccounts.Government);
        (await government.GetAsync("/api/v1/twins/p01-line-textile")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var employee = await app.SignedInAsync(DemoAccounts.Employee(1));
        (await employee.GetAsync("/api/v1/twins")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_filter_and_bad_limit_get_400()
    {
        var app = await zone.App(Db.Sqlite);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(1));
        var unknown = await client.GetAsync("/api/v1/twins?color=red");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("'color' is not a filter");
        (await client.GetAsync("/api/v1/twins?limit=5000")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, BothDatabases]
    public async Task Operator_creates_a_twin_checked_against_its_model(Db db)
    {
        var app = await zone.App(db);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(1));
        var id = $"p01-line-textile-extra-{db.ToString().ToLowerInvariant()}";
        var bad = await client.PostAsJsonAsync("/api/v1/twins", new { id, modelId = Machine, parentId = "p01-line-textile", nameEn = "Extra loom", properties = new { kind = 3 } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await bad.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors["properties.kind"].ShouldBe(["expected a string"]);
        problem.Detail.ShouldBe("Check these fields: kind.");

        var created = await client.PostAsJsonAsync("/api/v1/twins", new { id, modelId = Machine, parentId = "p01-line-textile", nameEn = "Extra loom", properties = new { kind = "jacquard", idealRatePerMinute = 45 } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var under = await client.GetFromJsonAsync<TwinPage>($"/api/v1/twins?under=p01-line-textile&property.idealRatePerMinute=45");
        under!.Items.Select(t => t.Id).ShouldContain(id);

        var other = await app.SignedInAsync(DemoAccounts.ParkOperator(2));
        var forged = await other.PostAsJsonAsync("/api/v1/twins", new { id = id + "-x", modelId = Machine, parentId = "p01-line-textile", nameEn = "Forged" });
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
