using System.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Platform;

public sealed class HealthTests
{
    [Theory, BothDatabases]
    public async Task Health_is_ready_after_the_schema_is_created(Db db)
    {
        var app = await SharedApps.Blank(db);
        var client = app.Anonymous();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
