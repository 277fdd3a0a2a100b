using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>In Chromium over the demo zone: an enterprise publishes a need on its collaboration page and sees the partners
/// that fit with their reasons; it proposes an agreement to a service institution, whose staff confirm it on their own
/// terminal; both sides rate it.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class CollaborationBrowserTests(DemoZoneFixture zone, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const int Enterprise = 1_985;

    [Fact]
    public async Task A_need_is_published_matched_with_reasons_agreed_with_an_institution_and_rated_by_both()
    {
        var app = await zone.App(Db.Sqlite);
        var enterprise = await SignInAsync(app, DemoAccounts.EnterpriseAdmin(Enterprise));
        await enterprise.GotoAsync("/enterprise/collaboration");
        await Assertions.Expect(enterprise.Locator("[data-need-publisher]")).ToBeVisibleAsync();
        await enterprise.Locator("[data-publish-need]").ClickAsync();
        await Assertions.Expect(enterprise.Locator("[data-field-error=needTitle]")).ToBeVisibleAsync(); // nothing typed: told field by field

        await enterprise.GetByLabel("What do you need a partner for?").FillAsync("文创产品版权登记与授权合同");
        await enterprise.GetByLabel("Description").First.FillAsync("为新一季文创产品办理著作权登记，起草版权授权合同。");
        await enterprise.Locator("#needSegment").SelectOptionAsync("legal-ip-services");
        await enterprise.GetByLabel("Tags").First.FillAsync("版权登记, 合同审查");
        await enterprise.Locator("[data-publish-need]").ClickAsync();
        await enterprise.WaitForURLAsync("**/collaboration/needs/**");
        await Assertions.Expect(enterprise.Locator("[data-published]")).ToBeVisibleAsync();
        await Assertions.Expect(enterprise.Locator("[data-matches] li").First).ToBeVisibleAsync();
        await Assertions.Expect(enterprise.Locator("[data-matches] li").First.Locator("[data-reason=chain]")).ToContainTextAsync("Legal and IP services");
        await Screenshots.SaveAsync(enterprise, "collaboration-need-matches");

        var partner = await enterprise.Locator("#agreementPartner option[value^='institution:']").First.GetAttributeAsync("value");
        partner.ShouldNotBeNull("a service institution is among the partners that fit");
        var institution = int.Parse(partner!.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        await enterprise.Locator("#agreementPartner").SelectOptionAsync(partner);
        await enterprise.GetByLabel("What the partner does").FillAsync("Copyright registration for 12 products");
        await enterprise.GetByLabel("Starts on").FillAsync("2027-02-01");
        await enterprise.Locator("[data-propose-agreement]").ClickAsync();
        await enterprise.WaitForURLAsync("**/collaboration/agreements/**");
        await Assertions.Expect(enterprise.Locator("[data-proposed]")).ToBeVisibleAsync();
        var agreementPath = new Uri(enterprise.Url).AbsolutePath;

        var staff = await SignInAsync(app, DemoAccounts.InstitutionStaff(institution));
        await staff.WaitForURLAsync("**/institution");
        await Assertions.Expect(staff.Locator("[data-feed-need]").First).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("[data-offer-list] [data-offer]").First).ToBeVisibleAsync();
        var agreementId = agreementPath.Split('/').Last();
        await staff.Locator($"[data-confirm-agreement='{agreementId}']").ClickAsync();
        await Assertions.Expect(staff.Locator($"[data-agreement='{agreementId}'] [data-agreement-status=confirmed]")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(staff, "collaboration-institution");
        await staff.GotoAsync(agreementPath);
        await staff.Locator("#rateStars").SelectOptionAsync("4");
        await staff.Locator("[data-rate]").ClickAsync();
        await Assertions.Expect(staff.Locator("[data-rating-side=partner]")).ToBeVisibleAsync();

        await enterprise.ReloadAsync();
        await enterprise.Locator("[data-rate]").ClickAsync();
        await Assertions.Expect(enterprise.Locator("[data-rating-side=client]")).ToBeVisibleAsync();
        await Assertions.Expect(enterprise.Locator("[data-rate-form]")).ToHaveCountAsync(0);
        await enterprise.GotoAsync(enterprise.Url.Replace(agreementPath, "/enterprise/collaboration"));
        await Assertions.Expect(enterprise.Locator("[data-my-needs] [data-need-status=agreed]").First).ToBeVisibleAsync();

        await enterprise.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(enterprise.Locator("h1")).ToContainTextAsync("寻找合作伙伴");
    }

    private async Task<IPage> SignInAsync(LingjingApp app, string email)
    {
        var page = await chromium.SignInAsync(app.BaseAddress!, email, DemoAccounts.Password);
        await page.WaitForURLAsync(url => !url.Contains("/account/signin"));
        return page;
    }
}
