using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>In Chromium over the demo zone: an enterprise applies with a material, a reviewer approves;
/// the government editor shows the live eligible count while a rule is typed.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class PolicyBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const int Enterprise = 1_990;

    [Fact]
    public async Task Enterprise_applies_with_a_material_and_a_reviewer_approves()
    {
        var app = await zone.App(Db.Sqlite);
        var policyId = await PublishPolicyForAsync(app, Enterprise);

        var enterprise = await SignInAsync(app, DemoAccounts.EnterpriseAdmin(Enterprise));
        await enterprise.GotoAsync($"/enterprise/policies/{policyId}");
        await Assertions.Expect(enterprise.Locator("[data-eligibility=eligible]")).ToBeVisibleAsync();
        await enterprise.GetByLabel("Contact person").FillAsync("Wang Fang");
        await enterprise.GetByLabel("Contact phone").FillAsync("010-5555 0101");
        await enterprise.GetByLabel("Statement").FillAsync("Our studio grew strongly last year.");
        await enterprise.GetByLabel("Materials").SetInputFilesAsync(new FilePayload { Name = "licence.pdf", MimeType = "application/pdf", Buffer = PolicyScene.Pdf(4_000) });
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        await enterprise.WaitForURLAsync("**/enterprise/applications/**");
        await Assertions.Expect(enterprise.Locator("[data-submitted]")).ToBeVisibleAsync();
        await Assertions.Expect(enterprise.Locator("[data-timeline-status=submitted]")).ToBeVisibleAsync();
        await Assertions.Expect(enterprise.GetByText("licence.pdf")).ToBeVisibleAsync();
        await SaveScreenshotAsync(enterprise, "policy-application");
        var applicationPath = new Uri(enterprise.Url).AbsolutePath.Replace("/enterprise/applications/", "");

        var reviewer = await SignInAsync(app, DemoAccounts.Government);
        await reviewer.WaitForURLAsync("**/gov");
        await reviewer.GotoAsync($"/gov/policies/review?policyId={policyId}");
        await reviewer.Locator($"[data-application='{applicationPath}'] a").ClickAsync();
        await reviewer.WaitForURLAsync($"**/gov/policies/applications/{applicationPath}");
        await reviewer.Locator("[data-action=start-review]").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-timeline-status=under_review]")).ToBeVisibleAsync();
        await reviewer.Locator("[data-action=approve]").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-timeline-status=approved]")).ToBeVisibleAsync();
        await SaveScreenshotAsync(reviewer, "policy-review");

        await enterprise.ReloadAsync();
        await Assertions.Expect(enterprise.Locator("[data-timeline-status=approved]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Government_editor_shows_the_live_eligible_count_and_rule_errors_while_typing()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await SignInAsync(app, DemoAccounts.Government);
        await page.WaitForURLAsync("**/gov");
        await page.GotoAsync("/gov/policies/new");

        await page.Locator("[data-rule-input]").FillAsync("category == \"digital content\" and employees >= 20");
        await page.WaitForFunctionAsync("document.querySelector('[data-preview-count]')?.dataset.eligible !== undefined");
        var eligible = int.Parse((await page.Locator("[data-preview-count]").GetAttributeAsync("data-eligible"))!, CultureInfo.InvariantCulture);
        eligible.ShouldBeGreaterThan(0);
        eligible.ShouldBeLessThan(50_000);
        await Assertions.Expect(page.Locator("[data-preview-sample-list] li").First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "policy-editor");

        await page.Locator("[data-rule-input]").FillAsync("employees >= ");
        await Assertions.Expect(page.Locator("[data-preview-error]")).ToContainTextAsync("expected a value");

        // Save the draft through the form, then publish it from its page.
        var title = $"Browser test editor {Guid.NewGuid():N}";
        await page.Locator("[data-rule-input]").FillAsync("category == \"arts-crafts\" and employees >= 250");
        await page.GetByLabel("Title (Chinese)").FillAsync("浏览器测试政策");
        await page.GetByLabel("Title (English)").FillAsync(title);
        await page.GetByLabel("Issuing department (English)").FillAsync("District Cultural Industry Development Centre");
        await page.GetByLabel("Fixed amount (yuan)").FillAsync("80000");
        await page.Locator("[data-save-policy]").ClickAsync();
        await page.WaitForURLAsync("**/gov/policies/*?saved=true");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);
        await page.Locator("[data-publish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-policy-message]")).ToContainTextAsync("enterprises qualify");
    }

    [Fact]
    public async Task Government_policy_list_draws_the_funnel_charts()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await SignInAsync(app, DemoAccounts.Government);
        await page.WaitForURLAsync("**/gov");
        await page.GotoAsync("/gov/policies");

        await Assertions.Expect(page.Locator("[data-policy-list] tbody tr").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("document.querySelectorAll('[data-chart] canvas').length >= 2");
        (await page.Locator("[data-chart-state=error]").CountAsync()).ShouldBe(0);
        await SaveScreenshotAsync(page, "policies-gov");
    }

    [Fact]
    public async Task Enterprise_sees_what_it_qualifies_for_and_almost_qualifies_for_in_both_languages()
    {
        var app = await zone.App(Db.Sqlite);
        var page = await SignInAsync(app, DemoAccounts.EnterpriseAdmin(1));
        await page.GotoAsync("/enterprise/policies");

        await Assertions.Expect(page.Locator("[data-qualify] h2")).ToContainTextAsync("You qualify");
        var cards = await page.Locator("[data-policy-card]").CountAsync();
        var almost = await page.Locator("[data-almost-policy]").CountAsync();
        (cards + almost).ShouldBeGreaterThan(0);
        if (cards > 0) await Assertions.Expect(page.Locator("[data-policy-card] [data-clause-held=true]").First).ToBeVisibleAsync();
        if (almost > 0) await Assertions.Expect(page.Locator("[data-almost-policy] code").First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "policies-enterprise");

        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-qualify] h2")).ToContainTextAsync("您符合条件");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("我的企业政策");
    }

    /// <summary>A policy whose rule holds for the given enterprise and few others (its park, category and head count).</summary>
    private static async Task<int> PublishPolicyForAsync(LingjingApp app, int enterpriseId)
    {
        Enterprise target;
        await using (var scope = app.Services.CreateAsyncScope())
            target = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Enterprise>().AsNoTracking().SingleAsync(e => e.Id == enterpriseId);
        var rule = $"park.id == {target.ParkId} and category == \"{target.Category}\" and employees == {target.Employees}";
        var gov = await app.SignedInAsync(DemoAccounts.Government);
        var created = await gov.PostAsJsonAsync("/api/v1/policies", PolicyScene.PolicyBody(rule, title: $"Browser test award {Guid.NewGuid():N}"));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await gov.PostAsync($"/api/v1/policies/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<IPage> SignInAsync(LingjingApp app, string email)
    {
        var page = await chromium.SignInAsync(app.BaseAddress!, email, DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
        return page;
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = false });
    }
}
