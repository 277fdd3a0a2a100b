using System.Net;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Platform;

public sealed class ApiHygieneTests
{
    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var app = await SharedApps.Blank(Db.Sqlite);

        var response = await app.Anonymous().GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/zone/summary", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Interactive_api_docs_are_served()
    {
        var app = await SharedApps.Blank(Db.Sqlite);

        var response = await app.Anonymous().GetAsync("/api/docs/index.html");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }

    [Fact]
    public async Task Unknown_api_route_gets_404_problem_details()
    {
        var app = await SharedApps.Blank(Db.Sqlite);

        var response = await app.Anonymous().GetAsync("/api/v1/no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Wrong_method_gets_405_problem_details()
    {
        var app = await SharedApps.Blank(Db.Sqlite);

        var response = await app.Anonymous().DeleteAsync("/api/v1/zone/summary");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
