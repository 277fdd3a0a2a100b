using System.Net.Http.Headers;
using System.Text;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.World;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace Lingjing.Server.Tests.Twins;

/// <summary>The park operator's twin pages and the 3D overlay in Chromium, with machines and sensors
/// that just reported. Screenshots go to docs/screenshots (twins-*.png).</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class TwinsBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] Machines = ["p01-line-textile-spin", "p01-line-textile-loom1", "p01-line-auto-weld1"];

    private async Task<LingjingApp> AppWithReadingsAsync()
    {
        var app = await zone.App(Db.Sqlite);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(1));
        var sensors = new List<string>();
        foreach (var model in new[] { TwinsTestData.Occupancy, TwinsTestData.Climate })
            for (var i = 0; i < 3; i++) sensors.Add(await TwinsTestData.TwinAsync(operatorClient, model, 1, i));
        var now = TestClock.Now;
        foreach (var twin in Machines.Concat(sensors))
        {
            var token = (await TwinsTestData.RegisterAsync(operatorClient, twin)).Token;
            var device = app.Anonymous();
            device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", token);
            var readings = Enumerable.Range(0, 40).Select(i =>
            {
                var ts = now.AddSeconds(-30 * (39 - i)).ToUnixTimeMilliseconds();
                object values = twin.StartsWith("p01-line", StringComparison.Ordinal)
                    ? new { state = i % 13 == 5 ? 2 : 1, speed = 40 + i % 5, goodCount = 1000 + 20 * i, badCount = 10 + i / 4, power = 40 + i % 7, energy = 500 + i }
                    : twin.EndsWith("-occ", StringComparison.Ordinal)
                        ? new { occupancy = i % 30 }
                        : new { temperature = 21.5 + i % 4, humidity = 40 + i % 9, battery = 88 };
                return System.Text.Json.JsonSerializer.Serialize(new { ts, values });
            });
            var response = await device.PostAsync($"/api/v1/devices/{twin}/telemetry", new StringContent("[" + string.Join(",", readings) + "]", Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }
        await app.Services.GetRequiredService<TelemetryMaintenance>().RollUpAsync(CancellationToken.None);
        return app;
    }

    [Fact]
    public async Task Park_operator_sees_live_machines_oee_history_and_the_world_overlay()
    {
        var app = await AppWithReadingsAsync();
        var page = await chromium.NewPageAsync(app.BaseAddress!);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email").FillAsync(DemoAccounts.ParkOperator(1));
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/park", new() { Timeout = 60_000 });

        await page.GotoAsync("/park/twins");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Digital twins");
        await Assertions.Expect(page.GetByText("OEE per shift").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-live-state='{Machines[0]}']")).ToHaveAttributeAsync("data-state", "1");
        await page.WaitForSelectorAsync("[data-live-status][data-ok=true]");
        await page.WaitForFunctionAsync("document.querySelector('[data-twins-history]')?.dataset.chartState === 'ready'");
        await SaveScreenshotAsync(page, "twins-overview");

        await page.GotoAsync($"/park/twins/{Machines[1]}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Air-jet loom 1");
        await page.WaitForFunctionAsync("document.querySelector('[data-twins-history]')?.dataset.chartState === 'ready'");
        await page.Locator("[data-history-name]").SelectOptionAsync("goodCount");
        await page.GetByRole(AriaRole.Button, new() { Name = "6 h" }).ClickAsync();
        await page.WaitForFunctionAsync("document.querySelector('[data-twins-history]')?.dataset.chartState === 'ready'");
        (await page.Locator("[data-twins-history] canvas").CountAsync()).ShouldBeGreaterThan(0);
        await SaveScreenshotAsync(page, "twins-machine");

        await page.GotoAsync("/park/twins/devices");
        await Assertions.Expect(page.GetByText(Machines[2]).First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "twins-devices");

        await page.GotoAsync("/world/1", new() { WaitUntil = WaitUntilState.Load });
        await page.WaitForSelectorAsync("[data-world-twins]", new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("Number(document.querySelector('[data-world-twins]').dataset.machines) >= 3");
        (await page.Locator("[data-world-twins]").GetAttributeAsync("data-spaces")).ShouldNotBe("0");
        // The legend stacks under the people list; it once lay over it and swallowed clicks on "Remove".
        var people = (await page.Locator(".world-people").BoundingBoxAsync())!;
        var legend = (await page.Locator("[data-world-twins]").BoundingBoxAsync())!;
        legend.Y.ShouldBeGreaterThanOrEqualTo(people.Y + people.Height);
        // Step back from the avatar so the roofs' status lights and the tinted markers are in view.
        await page.Mouse.MoveAsync(640, 300);
        for (var i = 0; i < 12; i++) await page.Mouse.WheelAsync(0, 600);
        await WorldPages.ScreenshotAsync(page, "twins-world"); // after frames: the zoom eases out
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = false });
    }
}
