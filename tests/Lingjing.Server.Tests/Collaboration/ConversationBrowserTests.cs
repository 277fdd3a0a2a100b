using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>In Chromium over the demo zone, issue 14's story end to end: an enterprise publishes a need on its
/// collaboration page; another finds it in its "recommended for you" feed and writes about it from the need's page; the
/// first finds the thread unread and answers, the answer arrives without a reload; the first invites the other to meet
/// in a meeting room it books through the bookings feature, and the other gets the invitation into the room's world;
/// the other reports a message; once they agree, the government sees the new edge of the network and dismisses the
/// report.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class ConversationBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const int Client = 1_986;

    [Fact]
    public async Task A_need_is_found_in_the_feed_talked_about_live_met_over_in_a_booked_room_and_agreed_and_the_government_sees_the_edge()
    {
        var app = await zone.App(Db.Sqlite);
        var api = await app.SignedInAsync(DemoAccounts.EnterpriseAdmin(Client), DemoAccounts.Password);
        // The answerer is an enterprise with a demo account and an offer; the need asks for what it offers, so the need is
        // high in its feed.
        var offers = await api.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/offers?kind=service&pageSize=100");
        var offer = offers.GetProperty("items").EnumerateArray()
            .First(o => o.GetProperty("enterpriseId") is { ValueKind: JsonValueKind.Number } e && e.GetInt32() is > 1 and <= 1_900);
        var answererId = offer.GetProperty("enterpriseId").GetInt32();

        var client = await SignInAsync(app, DemoAccounts.EnterpriseAdmin(Client));
        await client.GotoAsync("/enterprise/collaboration");
        await client.Locator("#needTitle").FillAsync($"寻找合作：{offer.GetProperty("title").GetString()}");
        await client.Locator("#needDescription").FillAsync(offer.GetProperty("description").GetString()!);
        await client.Locator("#needSegment").SelectOptionAsync(offer.GetProperty("segment").GetString()!);
        await client.Locator("#needTags").FillAsync(string.Join(", ", offer.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));
        await client.Locator("[data-publish-need]").ClickAsync();
        await client.WaitForURLAsync("**/collaboration/needs/**");
        var need = int.Parse(new Uri(client.Url).AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var published = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{need}")).GetProperty("need");
        var (title, park) = (published.GetProperty("title").GetString()!, published.GetProperty("parkId").GetInt32());

        var answerer = await SignInAsync(app, DemoAccounts.EnterpriseAdmin(answererId));
        await answerer.GotoAsync("/enterprise/collaboration");
        await answerer.Locator($"[data-feed-need='{need}'] a").ClickAsync(); // recommended for it
        await answerer.WaitForURLAsync($"**/collaboration/needs/{need}");
        await answerer.Locator("[data-write]").ClickAsync();
        await Assertions.Expect(answerer.Locator("[data-field-error=writeBody]")).ToBeVisibleAsync(); // nothing written: told why
        await answerer.Locator("#writeBody").FillAsync("我们做过博物馆三维动画，可以提供样片。");
        await answerer.Locator("[data-write]").ClickAsync();
        await answerer.WaitForURLAsync("**/collaboration/conversations/**");
        await Assertions.Expect(answerer.Locator("[data-message][data-mine=true] [data-message-body]")).ToContainTextAsync("可以提供样片");
        await Assertions.Expect(answerer.Locator("[data-live-status]")).ToHaveAttributeAsync("data-state", "live");
        var thread = new Uri(answerer.Url).AbsolutePath;

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

        // The client invites the answerer to meet in one of its park's meeting rooms: booked through the bookings feature.
        await client.Locator("[data-meet-kind=meeting_room]").CheckAsync();
        await client.Locator("#meetStart").FillAsync(MeetingStart());
        await client.Locator("#meetLength").SelectOptionAsync("30");
        await client.Locator("[data-send-invitation]").ClickAsync();
        await Assertions.Expect(client.Locator("[data-message][data-mine=true] [data-meeting=meeting_room] [data-meeting-link]")).ToHaveAttributeAsync("href", new Regex("^/bookings/[0-9a-f-]{36}$"));
        var invitation = answerer.Locator("[data-message][data-mine=false] [data-meeting=meeting_room] [data-meeting-link]");
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
            partnerEnterpriseId = answererId, what = "8-minute 3D short", amountBand = "100k-500k", startsOn = "2027-03-01",
        });
        var agreement = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var answererApi = await app.SignedInAsync(DemoAccounts.EnterpriseAdmin(answererId), DemoAccounts.Password);
        (await answererApi.PostAsync($"/api/v1/collaboration/agreements/{agreement}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var gov = await SignInAsync(app, DemoAccounts.Government);
        await gov.GotoAsync($"/gov/collaboration?parkId={park}");
        await Assertions.Expect(gov.Locator($"[data-newest-edges] [data-edge='{agreement}']")).ToContainTextAsync(title);
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

    /// <summary>A Wednesday afternoon 17 to 23 days ahead (zone time): after the demo zone's bookings and closures (at most
    /// 16 days ahead) and within every demo space's booking horizon (30 days or more).</summary>
    private static string MeetingStart()
    {
        var day = DateTime.UtcNow.AddHours(8).Date.AddDays(17);
        while (day.DayOfWeek != DayOfWeek.Wednesday) day = day.AddDays(1);
        return day.AddHours(15).AddMinutes(30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IPage> SignInAsync(LingjingApp app, string email)
    {
        var page = await chromium.SignInAsync(app.BaseAddress!, email, DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
        return page;
    }
}
