using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Browser;

[Collection(DemoZoneCollection.Name)]
public sealed class BrowserSmokeTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Chromium_reaches_the_server_over_loopback()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await chromium.NewPageAsync(app.BaseAddress!);

        var response = await page.GotoAsync("/health/live");

        response!.Status.ShouldBe(200);
    }
}
