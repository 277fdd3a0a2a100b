using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Government;

/// <summary>In Chromium, in the service hall's world: an official signs in to a desk from its card and stands behind its
/// counter; an enterprise's employee clicks the desk, takes a number and watches it; the official calls it, the
/// employee is walked up to the counter and the two talk, voice both ways (fake media).</summary>
public sealed class ServiceHallBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_employee_takes_a_number_an_official_calls_it_and_they_talk_at_the_desk()
    {
        await using var scene = await ServiceHallScene.StartAsync(Db.Sqlite, kestrel: true);
        await TestUsers.CreateAsync(scene.App, "hall.official@example.test", Roles.Government);
        await TestUsers.CreateAsync(scene.App, "hall.employee@example.test", Roles.Employee);
        var small = new ViewportSize { Width = 960, Height = 600 };

        var official = await World.WorldPages.EnterAsync(chromium, scene.App, "hall.official@example.test", "/world/service-hall/zone", password: TestUsers.Password, viewport: small);
        await ClickDeskAsync(official, scene.DeskA);
        await official.GetByTestId("desk-sign-in").ClickAsync();
        await Assertions.Expect(official.GetByTestId("desk-card")).ToContainTextAsync("You are on duty at this desk.");
        await official.WaitForFunctionAsync("() => !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 });

        var employee = await World.WorldPages.EnterAsync(chromium, scene.App, "hall.employee@example.test", "/world/service-hall/zone", password: TestUsers.Password, viewport: small);
        await ClickDeskAsync(employee, scene.DeskA);
        await employee.GetByTestId("desk-take-number").ClickAsync();
        await Assertions.Expect(employee.GetByTestId("ticket-badge")).ToHaveAttributeAsync("data-status", "waiting");
        await Assertions.Expect(employee.GetByTestId("ticket-badge")).ToContainTextAsync("A001");

        await official.GetByTestId("desk-call-next").ClickAsync();
        await Assertions.Expect(official.GetByTestId("desk-card")).ToContainTextAsync("Number A001 is called.");
        await Assertions.Expect(employee.GetByTestId("ticket-badge")).ToHaveAttributeAsync("data-status", "called");
        await employee.WaitForFunctionAsync("() => !window.lingjingWorld.moving()", null, new() { Timeout = 120_000 });

        // At the counter the two hear each other.
        foreach (var page in new[] { official, employee }) await page.GetByTestId("media-mic").ClickAsync();
        var officialId = await official.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
        var employeeId = await employee.EvaluateAsync<int>("() => window.lingjingWorld.selfId");
        await World.WorldPages.ReceivedAsync(employee, s => s.Any(f => f.Id == officialId && f.Audio > 0));
        await World.WorldPages.ReceivedAsync(official, s => s.Any(f => f.Id == employeeId && f.Audio > 0));
        await World.WorldPages.ScreenshotAsync(employee, "service-hall", settleFrames: 10);
        await official.Context.CloseAsync();
        await employee.Context.CloseAsync();
    }

    /// <summary>Walks up to a desk's bay (so the desk is in the middle of the view, clear of the panels at the sides) and
    /// clicks its counter where the page draws it; the desk's card opens.</summary>
    private static async Task ClickDeskAsync(IPage page, int desk)
    {
        var stand = await page.EvaluateAsync<JsonElement>($"() => window.lingjingWorld.stand({desk})");
        var (x, z, size) = (stand.GetProperty("x").GetDouble(), stand.GetProperty("z").GetDouble(), stand.GetProperty("size").GetDouble());
        await World.WorldPages.WalkToAsync(page, x, z - size / 2 - 4);
        var counter = await page.EvaluateAsync<JsonElement>($"() => window.lingjingWorld.screenPoint({World.WorldPages.Js(x)}, 0.6, {World.WorldPages.Js(z + size / 2 - 2.2)})");
        await page.Mouse.ClickAsync((float)counter.GetProperty("x").GetDouble(), (float)counter.GetProperty("y").GetDouble());
        await Assertions.Expect(page.GetByTestId("desk-card")).ToHaveAttributeAsync("data-desk-id", desk.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
