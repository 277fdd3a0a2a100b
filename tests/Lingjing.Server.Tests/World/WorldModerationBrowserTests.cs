using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.World;

/// <summary>A park operator moderates their park's world from its people list; visitors get no such buttons.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class WorldModerationBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Visitor = "user0035@demo.lingjing.local";

    [Fact]
    public async Task Park_operator_removes_a_visitor_from_the_people_list()
    {
        var app = await zone.App(Db.Sqlite);
        var operatorEmail = DemoAccounts.ParkOperator(6);
        int parkId;
        string visitorName;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
            parkId = (await users.FindByEmailAsync(operatorEmail))!.ParkId!.Value;
            visitorName = (await users.FindByEmailAsync(Visitor))!.DisplayName;
        }
        var visitor = await WorldPages.EnterAsync(chromium, app, Visitor, parkId, settle: false);
        var operatorPage = await WorldPages.EnterAsync(chromium, app, operatorEmail, parkId, settle: false);
        (await visitor.Locator(".world-people .person-action").CountAsync()).ShouldBe(0);

        var row = operatorPage.Locator(".world-people .person", new() { HasText = visitorName });
        await row.GetByRole(AriaRole.Button, new() { Name = "Mute 10 min" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".world-chat-list")).ToContainTextAsync("You are muted until");
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();

        await visitor.Locator("#lingjing-world[data-world-connection=removed]").WaitForAsync();
        await Assertions.Expect(operatorPage.Locator(".world-chat-list")).ToContainTextAsync($"{visitorName} was removed from this park's world.");
        await Assertions.Expect(operatorPage.Locator(".world-people")).Not.ToContainTextAsync(visitorName);
        await visitor.Context.CloseAsync();
        await operatorPage.Context.CloseAsync();
    }
}
