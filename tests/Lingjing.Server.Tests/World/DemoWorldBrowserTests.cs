using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Lingjing.Server.Tests.World;

/// <summary>The world of the seeded demo zone in Chromium at 1280x720: its largest park (most
/// buildings and spaces to draw) and the whole zone. The first-frame time is written to the test output.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class DemoWorldBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private async Task<(IPage Page, JsonElement Status)> OpenAsync(LingjingApp app, string path, string email)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            BaseURL = app.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + await app.TokenAsync(email) },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("#lingjing-world[data-world-state=ready]").WaitForAsync();
        var status = await page.EvaluateAsync<JsonElement>("() => JSON.parse(JSON.stringify(window.lingjingWorld))");
        return (page, status);
    }

    [Fact]
    public async Task Largest_demo_park_opens_as_a_world_with_its_buildings_and_spaces()
    {
        var app = await zone.App(Db.Sqlite);
        int parkId, buildings, spaces;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var largest = await db.Set<Park>()
                .Select(p => new { p.Id, Buildings = db.Set<Building>().Count(b => b.ParkId == p.Id), Spaces = db.Set<Space>().Count(s => s.ParkId == p.Id) })
                .OrderByDescending(p => p.Buildings + p.Spaces).ThenBy(p => p.Id).FirstAsync();
            (parkId, buildings, spaces) = (largest.Id, largest.Buildings, largest.Spaces);
        }

        var (page, status) = await OpenAsync(app, $"/world/{parkId}", DemoAccounts.Employee(5));

        status.GetProperty("buildings").GetInt32().ShouldBe(buildings);
        status.GetProperty("spaces").GetInt32().ShouldBe(spaces);
        output.WriteLine($"Park {parkId}: {buildings} buildings, {spaces} spaces, {status.GetProperty("showrooms").GetInt32()} showroom signs; first frame after {status.GetProperty("firstFrameMs").GetInt32()} ms (scene data at {status.GetProperty("sceneDataMs").GetInt32()} ms, built at {status.GetProperty("builtMs").GetInt32()} ms)");
        await WorldPages.ScreenshotAsync(page, "world-demo-park", settleFrames: 10);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Whole_demo_zone_opens_with_every_park()
    {
        var app = await zone.App(Db.Sqlite);

        var (page, status) = await OpenAsync(app, "/world/zone", DemoAccounts.Employee(6));

        status.GetProperty("buildings").GetInt32().ShouldBe(51); // one merged mesh per park
        output.WriteLine($"Zone: {status.GetProperty("spaces").GetInt32()} spaces; first frame after {status.GetProperty("firstFrameMs").GetInt32()} ms (scene data at {status.GetProperty("sceneDataMs").GetInt32()} ms, built at {status.GetProperty("builtMs").GetInt32()} ms)");
        await WorldPages.ScreenshotAsync(page, "world-zone", settleFrames: 10);
        await page.Context.CloseAsync();
    }
}
