using System.Net;
using System.Text;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.Twins;

/// <summary>Uploads of the same new model at the same moment: one is stored, the others are told why, none fails.</summary>
public sealed class ConcurrentModelUploadTests
{
    [Theory, BothDatabases]
    public async Task Concurrent_uploads_of_the_same_model_store_it_once_and_refuse_the_rest_with_a_reason(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await TerminalScene.CreateAsync(app);
        var client = await app.SignedInAsync(TerminalScene.OperatorA, TerminalScene.Password);
        const string model = """
            { "@context": "dtmi:dtdl:context;3", "@id": "dtmi:terminals:Pump;1", "@type": "Interface",
              "contents": [ { "@type": "Telemetry", "name": "flow", "schema": "double" } ] }
            """;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.PostAsync("/api/v1/twin-models", new StringContent(model, Encoding.UTF8, "application/json"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Conflict);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("new version");
        }
    }
}
