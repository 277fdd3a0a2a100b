using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Government;

/// <summary>Notices reach exactly the enterprises of the parks, industries and size classes they name, once each, and are
/// listed for everyone; a bad target is a clear error and publishes nothing; only the government publishes.</summary>
public sealed class NoticeTests
{
    [Theory, BothDatabases]
    public async Task A_notice_for_one_park_industry_and_size_reaches_only_its_enterprises_and_is_listed_publicly(Db db)
    {
        var app = await SharedApps.Blank(db);
        int north, south, target, otherIndustry, otherSize, otherPark;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var (northPark, southPark) = (ZoneRows.Park("Notice North"), ZoneRows.Park("Notice South"));
            context.AddRange(northPark, southPark);
            await context.SaveChangesAsync();
            (north, south) = (northPark.Id, southPark.Id);
            var rows = new[]
            {
                ZoneRows.Enterprise(north, "Pixel Works"),
                ZoneRows.Enterprise(north, "Stage Lights"),
                ZoneRows.Enterprise(north, "Big Screens"),
                ZoneRows.Enterprise(south, "South Pixels"),
            };
            (rows[0].Category, rows[0].Employees) = ("digital-content", 40);
            (rows[1].Category, rows[1].Employees) = ("performing-arts", 40);
            (rows[2].Category, rows[2].Employees) = ("digital-content", 1500);
            (rows[3].Category, rows[3].Employees) = ("digital-content", 40);
            context.AddRange(rows);
            await context.SaveChangesAsync();
            (target, otherIndustry, otherSize, otherPark) = (rows[0].Id, rows[1].Id, rows[2].Id, rows[3].Id);
        }
        var admins = new Dictionary<int, Guid>();
        foreach (var enterprise in new[] { target, otherIndustry, otherSize, otherPark })
            admins[enterprise] = (await TestUsers.CreateAsync(app, SharedApps.Email($"notice.admin{enterprise}"), Roles.EnterpriseAdmin, enterpriseId: enterprise)).Id;
        var govEmail = SharedApps.Email("notice.gov");
        await TestUsers.CreateAsync(app, govEmail, Roles.Government);
        var gov = await app.SignedInAsync(govEmail, TestUsers.Password);

        var published = await gov.PostAsJsonAsync("/api/v1/notices", new
        {
            titleZh = "数字内容企业申报提醒", titleEn = "Reminder to digital content enterprises", bodyZh = "请于月底前提交材料。\n谢谢。",
            bodyEn = "Please hand in your materials by the end of the month.\nThank you.", parkIds = new[] { north }, categories = new[] { "digital-content" },
            sizeClasses = new[] { "small" },
        });

        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var notice = await published.Content.ReadFromJsonAsync<JsonElement>();
        notice.GetProperty("enterprisesReached").GetInt32().ShouldBe(1);
        var id = notice.GetProperty("id").GetInt32();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var told = await context.Set<Notification>().Where(n => n.DedupKey == $"notice:{id}").Select(n => n.UserId).ToListAsync();
            told.ShouldBe([admins[target]]);
        }
        var anonymous = app.Anonymous();
        var inNorth = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/notices?park={north}&pageSize=100");
        inNorth.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ShouldContain(id);
        var inSouth = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/notices?park={south}&pageSize=100");
        inSouth.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ShouldNotContain(id);
        var page = await anonymous.GetAsync($"/notices/{id}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Please hand in your materials");
    }

    [Theory, BothDatabases]
    public async Task A_bad_target_is_named_and_publishes_nothing_and_only_the_government_publishes(Db db)
    {
        var app = await SharedApps.Blank(db);
        var govEmail = SharedApps.Email("notice.gov.bad");
        await TestUsers.CreateAsync(app, govEmail, Roles.Government);
        var gov = await app.SignedInAsync(govEmail, TestUsers.Password);
        var body = new { titleZh = "通知", titleEn = "Notice", bodyZh = "正文", bodyEn = "Text", parkIds = new[] { 999_999 }, categories = new[] { "bakery" }, sizeClasses = new[] { "huge" } };

        var refused = await gov.PostAsJsonAsync("/api/v1/notices", body);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("parkIds")[0].GetString()!.ShouldContain("999999");
        errors.GetProperty("categories")[0].GetString()!.ShouldContain("bakery");
        errors.GetProperty("sizeClasses")[0].GetString()!.ShouldContain("huge");
        var employeeEmail = SharedApps.Email("notice.employee");
        await TestUsers.CreateAsync(app, employeeEmail, Roles.Employee);
        var employee = await app.SignedInAsync(employeeEmail, TestUsers.Password);
        (await employee.PostAsJsonAsync("/api/v1/notices", body with { parkIds = Array.Empty<int>(), categories = Array.Empty<string>(), sizeClasses = Array.Empty<string>() }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
