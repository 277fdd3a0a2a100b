using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Notifications;

/// <summary>Sending to people, enterprises and park operators; reading and marking; nobody sees or
/// marks somebody else's notifications.</summary>
public sealed class NotificationCentreTests
{
    private static NotificationMessage Message(string? dedup = null) =>
        new("test.hello", "Hello", "你好", "A test message", "一条测试消息", "/me", dedup);

    [Theory, BothDatabases]
    public async Task A_notification_reaches_only_its_recipient_and_can_be_marked_read(Db db)
    {
        var app = await SharedApps.Blank(db);
        var aliceEmail = SharedApps.Email("alice");
        var bobEmail = SharedApps.Email("bob");
        var alice = await TestUsers.CreateAsync(app, aliceEmail, Roles.Employee);
        await TestUsers.CreateAsync(app, bobEmail, Roles.Employee);
        (await SendAsync(app, n => n.NotifyUsersAsync([alice.Id], Message()))).ShouldBe(1);
        var aliceClient = await app.SignedInAsync(aliceEmail, TestUsers.Password);
        var bobClient = await app.SignedInAsync(bobEmail, TestUsers.Password);

        var inbox = await aliceClient.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        inbox.GetProperty("unread").GetInt32().ShouldBe(1);
        var item = inbox.GetProperty("items")[0];
        item.GetProperty("title").GetString().ShouldBe("Hello");
        item.GetProperty("titleZh").GetString().ShouldBe("你好");
        var id = item.GetProperty("id").GetInt64();
        (await bobClient.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("items").GetArrayLength().ShouldBe(0);

        (await bobClient.PostAsync($"/api/v1/me/notifications/{id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await aliceClient.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("unread").GetInt32().ShouldBe(1);
        var read = await aliceClient.PostAsync($"/api/v1/me/notifications/{id}/read", null);

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await aliceClient.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("unread").GetInt32().ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task A_dedup_key_delivers_once_per_person_even_when_sent_concurrently(Db db)
    {
        var app = await SharedApps.Blank(db);
        var users = new List<Guid>();
        for (var i = 0; i < 5; i++) users.Add((await TestUsers.CreateAsync(app, SharedApps.Email($"u{i}"), Roles.Employee)).Id);

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            SendAsync(app, n => n.NotifyUsersAsync(users, Message("policy:42")))));

        added.Sum().ShouldBe(5);
        (await CountAsync(app, users)).ShouldBe(5);
        (await SendAsync(app, n => n.NotifyUsersAsync(users, Message("policy:43"))))
            .ShouldBe(5, "another key is another notification");
    }

    [Theory, BothDatabases]
    public async Task Enterprises_and_park_operators_are_told_through_their_accounts(Db db)
    {
        var app = await SharedApps.Blank(db);
        var adminEmail = SharedApps.Email("admin");
        var memberEmail = SharedApps.Email("member");
        var operatorEmail = SharedApps.Email("operator");
        var otherEmail = SharedApps.Email("other");
        var tenantEmail = SharedApps.Email("tenant");
        var (parkId, enterpriseId, otherEnterpriseId) = await SeedParkAsync(app);
        var admin = await TestUsers.CreateAsync(app, adminEmail, Roles.EnterpriseAdmin, enterpriseId: enterpriseId);
        var member = await TestUsers.CreateAsync(app, memberEmail, Roles.EnterpriseMember, enterpriseId: enterpriseId);
        var other = await TestUsers.CreateAsync(app, otherEmail, Roles.EnterpriseAdmin, enterpriseId: otherEnterpriseId);
        var operatorUser = await TestUsers.CreateAsync(app, operatorEmail, Roles.ParkOperator, parkId: parkId);
        var tenant = await TestUsers.CreateAsync(app, tenantEmail, Roles.Employee, parkId: parkId);

        (await SendAsync(app, n => n.NotifyEnterprisesAsync([enterpriseId], Message()))).ShouldBe(2);
        (await SendAsync(app, n => n.NotifyParkOperatorsAsync(parkId, Message()))).ShouldBe(1);

        List<Guid> everyone = [admin.Id, member.Id, other.Id, operatorUser.Id, tenant.Id];
        (await RecipientsAsync(app, everyone)).ShouldBe(new[] { admin.Id, member.Id, operatorUser.Id }.Order().ToList());
    }

    [Theory, BothDatabases]
    public async Task Mark_all_read_clears_the_count_and_the_page_shows_the_messages(Db db)
    {
        var app = await SharedApps.Blank(db);
        var carolEmail = SharedApps.Email("carol");
        var carol = await TestUsers.CreateAsync(app, carolEmail, Roles.Employee);
        for (var i = 0; i < 3; i++) await SendAsync(app, n => n.NotifyUsersAsync([carol.Id], Message()));
        var client = await app.SignedInAsync(carolEmail, TestUsers.Password);

        var page = await client.GetStringAsync("/notifications");
        page.ShouldContain("A test message");
        page.ShouldContain("data-testid=\"unread-count\">3<");

        var marked = await (await client.PostAsync("/api/v1/me/notifications/read-all", null)).Content.ReadFromJsonAsync<JsonElement>();
        marked.GetProperty("marked").GetInt32().ShouldBe(3);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?unreadOnly=true")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await client.GetStringAsync("/notifications")).ShouldNotContain("data-testid=\"unread-count\"");
    }

    [Fact]
    public async Task Notifications_need_a_signed_in_person()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        (await app.Anonymous().GetAsync("/api/v1/me/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<int> SendAsync(LingjingApp app, Func<Notifier, Task<int>> send)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await send(scope.ServiceProvider.GetRequiredService<Notifier>());
    }

    private static async Task<int> CountAsync(LingjingApp app, List<Guid> users)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Notification>().Count(n => users.Contains(n.UserId));
    }

    /// <summary>Who among <paramref name="users"/> got a notification (other tests share the server).</summary>
    private static async Task<List<Guid>> RecipientsAsync(LingjingApp app, List<Guid> users)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Notification>()
            .Where(n => users.Contains(n.UserId)).Select(n => n.UserId).AsEnumerable().Order().ToList();
    }

    private static async Task<(int Park, int Enterprise, int Other)> SeedParkAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = ZoneRows.Park("Notify Park");
        db.Set<Park>().Add(park);
        await db.SaveChangesAsync();
        var one = ZoneRows.Enterprise(park.Id, "Notify One");
        var two = ZoneRows.Enterprise(park.Id, "Notify Two");
        db.Set<Enterprise>().AddRange(one, two);
        await db.SaveChangesAsync();
        return (park.Id, one.Id, two.Id);
    }
}
