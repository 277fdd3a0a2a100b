using Lingjing.Server.Features.Record;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Government;

/// <summary>In Chromium: an enterprise administrator applies for a matter with its form and materials; an official
/// reviews it and approves it with reasons; the certificate it issues verifies on the public page, scanned from its QR
/// code's address; once someone changes a decision in the database, the government's record page names the entry.</summary>
public sealed class MatterBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_matter_is_applied_for_decided_its_certificate_verifies_and_a_tampered_entry_is_reported()
    {
        await using var scene = await MatterScene.StartAsync(Db.Sqlite, enterprises: 1, kestrel: true);
        var enterprise = await chromium.SignInAsync(scene.App.BaseAddress!, "matter.admin0@example.test", TestUsers.Password);
        await enterprise.WaitForURLAsync(url => !url.Contains("/account/signin"));
        await enterprise.GotoAsync($"/matters/{scene.MatterId}");
        await enterprise.Locator("#contactName").FillAsync("Wang Fang");
        await enterprise.Locator("#contactPhone").FillAsync("13800001234");
        await enterprise.Locator("[id='field.pages']").FillAsync("120");
        await enterprise.Locator("[id='field.completed']").FillAsync("2026-03-01");
        static FilePayload Pdf(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = [.. "%PDF-1.4 "u8.ToArray(), .. new byte[400]] };
        await enterprise.Locator("[id='material.licence']").SetInputFilesAsync(Pdf("licence.pdf"));
        await enterprise.Locator("[id='material.sample']").SetInputFilesAsync(Pdf("sample.pdf"));
        await enterprise.Locator("[data-submit-matter]").ClickAsync();
        await Assertions.Expect(enterprise.Locator("[data-field-error='field.work']")).ToBeVisibleAsync();

        await enterprise.Locator("[id='field.work']").FillAsync("Moonlit Parks");
        await enterprise.Locator("[id='material.licence']").SetInputFilesAsync(Pdf("licence.pdf"));
        await enterprise.Locator("[id='material.sample']").SetInputFilesAsync(Pdf("sample.pdf"));
        await enterprise.Locator("[data-submit-matter]").ClickAsync();
        await Assertions.Expect(enterprise.Locator("[data-submitted]")).ToBeVisibleAsync();
        var application = enterprise.Url.Split('/')[^1].Split('?')[0];

        var gov = await chromium.SignInAsync(scene.App.BaseAddress!, "matter.gov@example.test", TestUsers.Password);
        await gov.WaitForURLAsync(url => !url.Contains("/account/signin"));
        await gov.GotoAsync("/gov/policies/review?for=matter");
        await gov.Locator($"[data-application='{application}'] a").ClickAsync();
        await gov.Locator("[data-action=start-review]").ClickAsync();
        await gov.Locator("[data-action=approve]").ClickAsync();
        await Assertions.Expect(gov.Locator("[data-review-problem]")).ToContainTextAsync("reasons");
        await gov.Locator("#reason").FillAsync("Original work; the materials are complete.");
        await gov.Locator("[data-action=approve]").ClickAsync();
        await Assertions.Expect(gov.Locator("[data-certificate-link]")).ToBeVisibleAsync();

        await enterprise.GotoAsync($"/enterprise/applications/{application}");
        await Assertions.Expect(enterprise.Locator("[data-decision-reason]")).ToContainTextAsync("Original work");
        await enterprise.Locator("[data-certificate-link]").ClickAsync();
        var number = await enterprise.Locator("[data-certificate-number]").InnerTextAsync();
        await Screenshots.SaveAsync(enterprise, "certificate");

        // Anyone, not signed in, opens what the QR code holds.
        var anyone = await chromium.NewPageAsync(scene.App.BaseAddress!);
        await anyone.GotoAsync($"/verify/{number}");
        await Assertions.Expect(anyone.GetByTestId("verification")).ToHaveAttributeAsync("data-verdict", "authentic");
        await Assertions.Expect(anyone.Locator("[data-holder]")).ToContainTextAsync("Studio 1");

        // Someone with access to the database rewrites the decision's reasons: the record names the entry.
        await scene.App.Service<RecordSealer>().SealAsync(CancellationToken.None);
        await using (var data = scene.App.Services.CreateAsyncScope())
        {
            var context = data.ServiceProvider.GetRequiredService<LingjingDbContext>();
            (await context.Database.ExecuteSqlRawAsync("UPDATE record_entries SET body = REPLACE(body, 'Original work', 'Copied work') WHERE kind = 'matter.approved'")).ShouldBe(1);
        }
        await gov.GotoAsync("/gov/record");
        await Assertions.Expect(gov.Locator("[data-holds]")).ToHaveAttributeAsync("data-holds", "false");
        await enterprise.Context.CloseAsync();
        await gov.Context.CloseAsync();
        await anyone.Context.CloseAsync();
    }
}
