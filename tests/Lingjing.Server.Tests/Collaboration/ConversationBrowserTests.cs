using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>In Chromium over the demo zone: an enterprise writes to another about its need from the need's page; the
/// other finds the thread unread in its conversations and answers; the first sees the answer arrive without reloading,
/// then an invitation to meet in the park's world and reports a message; once they agree, the government sees the new
/// edge of the network and dismisses the report.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class ConversationBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const int Client = 1_986;
    private const int Answerer = 1_417;

    [Fact]
    public async Task Two_enterprises_talk_about_a_need_live_and_one_invites_the_other_to_meet()
    {
        var app = await zone.App(Db.Sqlite);
        var api = await app.SignedInAsync(DemoAccounts.EnterpriseAdmin(Client), DemoAccounts.Password);
        var published = await api.PostAsJsonAsync("/api/v1/collaboration/needs", new
        {
            title = "三维动画短片制作", description = "为新展厅制作一部8分钟三维动画短片。", segment = "animation", tags = new[] { "三维动画" },
        });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var view = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("need");
        var (need, park) = (view.GetProperty("id").GetInt32(), view.GetProperty("parkId").GetInt32());

        var answerer = await SignInAsync(app, DemoAccounts.EnterpriseAdmin(Answerer));
        await answerer.GotoAsync($"/collaboration/needs/{need}");
        await answerer.Locator("[data-write]").ClickAsync();
        await Assertions.Expect(answerer.Locator("[data-field-error=writeBody]")).ToBeVisibleAsync(); // nothing written: told why
        await answerer.Locator("#writeBody").FillAsync("我们做过博物馆三维动画，可以提供样片。");
        await answerer.Locator("[data-write]").ClickAsync();
        await answerer.WaitForURLAsync("**/collaboration/conversations/**");
        await Assertions.Expect(answerer.Locator("[data-message][data-mine=true] [data-message-body]")).ToContainTextAsync("可以提供样片");
        await Assertions.Expect(answerer.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "live");
        var thread = new Uri(answerer.Url).AbsolutePath;

        var client = await SignInAsync(app, DemoAccounts.EnterpriseAdmin(Client));
        await client.GotoAsync("/collaboration/conversations");
        var row = client.Locator($"[data-conversation='{thread.Split('/').Last()}']");
        await Assertions.Expect(row.Locator("[data-unread]")).ToHaveTextAsync("1");
        await Screenshots.SaveAsync(client, "collaboration-conversations");
        await row.ClickAsync();
        await client.WaitForURLAsync($"**{thread}");
        await client.Locator("#messageBody").FillAsync("欢迎！下周见面聊聊？");
        await client.Locator("[data-send]").ClickAsync();
        await Assertions.Expect(client.Locator("[data-message][data-mine=true]").Last).ToContainTextAsync("下周见面");

        // The answerer's page shows the reply without a reload.
        await Assertions.Expect(answerer.Locator("[data-message][data-mine=false]").Last).ToContainTextAsync("下周见面");

        await client.Locator("[data-meet-kind=park_world]").CheckAsync();
        await client.Locator("[data-send-invitation]").ClickAsync();
        await Assertions.Expect(client.Locator("[data-message][data-mine=true] [data-meeting=park_world]")).ToBeVisibleAsync();
        var invitation = answerer.Locator("[data-message][data-mine=false] [data-meeting=park_world] [data-meeting-link]");
        await Assertions.Expect(invitation).ToBeVisibleAsync();
        (await invitation.GetAttributeAsync("href")).ShouldStartWith("/world/");
        await Screenshots.SaveAsync(answerer, "collaboration-conversation");

        // The answerer reports one of the client's messages; the moderators see it and dismiss it.
        await answerer.ReloadAsync();
        var report = answerer.Locator("[data-message][data-mine=false]").First.Locator("[data-report]");
        await report.Locator("summary").ClickAsync();
        await report.Locator("[data-send-report]").ClickAsync();
        await Assertions.Expect(answerer.Locator("[data-reported]")).ToBeVisibleAsync();

        // They agree; the government sees the new edge among the park's newest agreements, beside the network graph.
        var proposed = await api.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", new
        {
            partnerEnterpriseId = Answerer, what = "8-minute 3D short", amountBand = "100k-500k", startsOn = "2027-03-01",
        });
        var agreement = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var answererApi = await app.SignedInAsync(DemoAccounts.EnterpriseAdmin(Answerer), DemoAccounts.Password);
        (await answererApi.PostAsync($"/api/v1/collaboration/agreements/{agreement}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var gov = await SignInAsync(app, DemoAccounts.Government);
        await gov.GotoAsync($"/gov/collaboration?parkId={park}");
        await Assertions.Expect(gov.Locator($"[data-newest-edges] [data-edge='{agreement}']")).ToContainTextAsync("三维动画短片制作");
        await Assertions.Expect(gov.Locator("[data-network] [data-chart-state]")).ToHaveAttributeAsync("data-chart-state", "ready");
        await Assertions.Expect(gov.Locator("[data-flows] [data-chart-state]")).ToHaveAttributeAsync("data-chart-state", "ready");
        await Assertions.Expect(gov.Locator("[data-timing-segment=all]")).ToBeVisibleAsync();
        (await gov.Locator("[data-chart-state=error]").CountAsync()).ShouldBe(0);
        var reported = gov.Locator("[data-report-id]", new() { HasText = "欢迎！下周见面聊聊？" });
        await Assertions.Expect(reported).ToHaveCountAsync(1);
        await reported.Locator("[data-decide=dismiss]").ClickAsync();
        await Assertions.Expect(gov.Locator("[data-report-id]", new() { HasText = "欢迎！下周见面聊聊？" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(gov, "collaboration-government");
    }

    private async Task<IPage> SignInAsync(LingjingApp app, string email)
    {
        var page = await chromium.SignInAsync(app.BaseAddress!, email, DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
        return page;
    }
}
