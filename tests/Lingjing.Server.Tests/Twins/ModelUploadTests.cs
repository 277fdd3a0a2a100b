using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Tests.Infrastructure;
using Shouldly;

namespace Lingjing.Server.Tests.Twins;

/// <summary>A park operator uploads a model of their own to the demo zone; a broken one is refused with each problem named.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class ModelUploadTests(DemoZoneFixture zone)
{
    [Fact]
    public async Task Operator_uploads_a_model_and_a_broken_one_gets_400_listing_each_problem()
    {
        var app = await zone.App(Db.Sqlite);
        var client = await app.SignedInAsync(DemoAccounts.ParkOperator(3));

        var broken = await client.PostAsync("/api/v1/twin-models", new StringContent(ModelValidationTests.Interface("""
            { "@type": "Telemetry", "name": "flow", "schema": "liters" },
            { "@type": "Telemetry", "name": "2pressure", "schema": "double" }
            """, id: "dtmi:park3:Pump;1")));
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await broken.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("element").GetString(), e.GetProperty("problem").GetString())).ToList();
        errors.Count.ShouldBe(2);
        errors[0].Item1.ShouldBe("dtmi:park3:Pump;1 > contents[0] 'flow'");
        errors[1].Item1.ShouldBe("dtmi:park3:Pump;1 > contents[1] '2pressure'");
        body.GetProperty("detail").GetString()!.ShouldContain("schema \"liters\"");

        var good = await client.PostAsync("/api/v1/twin-models", new StringContent(ModelValidationTests.Interface(
            """{ "@type": "Telemetry", "name": "flow", "schema": "double", "unit": "litrePerSecond" }""", id: "dtmi:park3:Pump;1")));
        good.StatusCode.ShouldBe(HttpStatusCode.Created);
        var listed = await client.GetFromJsonAsync<List<TwinModelView>>("/api/v1/twin-models");
        listed!.ShouldContain(m => m.Id == "dtmi:park3:Pump;1" && !m.Shipped);

        var again = await client.PostAsync("/api/v1/twin-models", new StringContent(ModelValidationTests.Interface("", id: "dtmi:park3:Pump;1")));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("exists already");

        var employee = await app.SignedInAsync(DemoAccounts.Employee(1));
        (await employee.PostAsync("/api/v1/twin-models", new StringContent(ModelValidationTests.Interface("", id: "dtmi:x:Y;1")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
