using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Government;

/// <summary>A public consultation on a server whose clock the test moves: twenty enterprises comment at once while it is
/// open, a comment after the deadline is refused and changes nothing, the response waits for the deadline, is published
/// once, and reaches those who commented.</summary>
public sealed class ConsultationTests
{
    [Theory, BothDatabases]
    public async Task Comments_are_taken_until_the_deadline_and_the_response_reaches_those_who_commented(Db db)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await LingjingApp.StartAsync(db, demo: false, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);
        });
        var enterprises = new List<int>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var park = ZoneRows.Park("Consultation Park");
            context.Add(park);
            await context.SaveChangesAsync();
            var rows = Enumerable.Range(1, 21).Select(n => ZoneRows.Enterprise(park.Id, $"Studio {n}")).ToList();
            context.AddRange(rows);
            await context.SaveChangesAsync();
            enterprises.AddRange(rows.Select(r => r.Id));
        }
        await TestUsers.CreateAsync(app, "consult.gov@example.test", Roles.Government);
        var gov = await app.SignedInAsync("consult.gov@example.test", TestUsers.Password);
        var people = new List<HttpClient>();
        foreach (var (enterprise, n) in enterprises.Select((e, n) => (e, n)))
        {
            await TestUsers.CreateAsync(app, $"consult.admin{n}@example.test", Roles.EnterpriseAdmin, enterpriseId: enterprise);
            people.Add(await app.SignedInAsync($"consult.admin{n}@example.test", TestUsers.Password));
        }

        var opened = await gov.PostAsJsonAsync("/api/v1/consultations", new
        {
            titleZh = "园区数字内容扶持办法（征求意见稿）", titleEn = "Support for digital content in the parks (draft for comment)",
            draftZh = "第一条 ……\n第二条 ……", draftEn = "Article 1 ...\nArticle 2 ...", closesAt = clock.GetUtcNow().AddHours(1),
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await gov.PostAsJsonAsync($"/api/v1/consultations/{id}/response", new { responseZh = "谢谢", responseEn = "Thank you" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "not before the deadline");

        // Twenty enterprises at once; the twenty-first waits too long.
        var comments = await Task.WhenAll(people.Take(20).Select((c, n) => c.PostAsJsonAsync($"/api/v1/consultations/{id}/comments", new { text = $"Comment {n}: please widen article 2." })));
        comments.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromMinutes(61));
        var late = await people[20].PostAsJsonAsync($"/api/v1/consultations/{id}/comments", new { text = "Too late?" });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("consultation.closed");

        var responded = await gov.PostAsJsonAsync($"/api/v1/consultations/{id}/response", new { responseZh = "已采纳第二条意见。", responseEn = "Article 2 was widened as asked." });
        responded.StatusCode.ShouldBe(HttpStatusCode.OK, await responded.Content.ReadAsStringAsync());
        (await gov.PostAsJsonAsync($"/api/v1/consultations/{id}/response", new { responseZh = "再次", responseEn = "Again" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "once");

        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}");
        detail.GetProperty("comments").GetArrayLength().ShouldBe(20);
        detail.GetProperty("consultation").GetProperty("open").GetBoolean().ShouldBeFalse();
        detail.GetProperty("consultation").GetProperty("responseEn").GetString().ShouldBe("Article 2 was widened as asked.");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var told = await context.Set<Notification>().Where(n => n.DedupKey == $"consultation-response:{id}").CountAsync();
            told.ShouldBe(20, "the twenty who commented, not the one who came too late");
        }
        (await app.Anonymous().GetAsync($"/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
