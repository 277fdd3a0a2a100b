using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Chromium_reaches_the_server_over_loopback()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/health/live");
        response!.Status.ShouldBe(200);
    }
}
