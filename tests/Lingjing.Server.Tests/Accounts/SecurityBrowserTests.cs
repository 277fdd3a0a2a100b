using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Bookings;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>The terminals' account pages in Chromium: a person ends another session and changes their
/// password under /me/security; a park operator locks, unlocks and resets the password of a tenant's
/// administrator under /park/accounts, and each step reaches the other person's browser.</summary>
public sealed class SecurityBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string NewPassword = "Fresh#Lantern2027";

    [Fact]
    public async Task A_person_ends_another_session_and_changes_their_password()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        const string email = "walker@security.test";
        await TestUsers.CreateAsync(app, email, Roles.Employee);
        var laptop = await SignInAsync(app, email, TestUsers.Password);
        await laptop.WaitForURLAsync("**/me");
        var phone = await SignInAsync(app, email, TestUsers.Password);
        await phone.WaitForURLAsync("**/me");

        await laptop.GetByRole(AriaRole.Link, new() { Name = "Sign-in and security" }).ClickAsync();
        await laptop.WaitForURLAsync("**/me/security");
        var sessions = laptop.GetByTestId("session");
        await Assertions.Expect(sessions).ToHaveCountAsync(2);
        await Assertions.Expect(laptop.Locator("[data-testid=session][data-current=true]")).ToContainTextAsync("This session");
        await SaveScreenshotAsync(laptop, "me-security");
        await laptop.Locator("[data-testid=session][data-current=false]").GetByRole(AriaRole.Button, new() { Name = "End" }).ClickAsync();
        await Assertions.Expect(laptop.GetByTestId("session-ended")).ToBeVisibleAsync();
        await Assertions.Expect(sessions).ToHaveCountAsync(1);

        await phone.GotoAsync("/me");
        await phone.WaitForURLAsync("**/account/signin**");

        await ChangePasswordAsync(laptop, "Wrong#Guess1", NewPassword, NewPassword);
        await Assertions.Expect(laptop.Locator("[data-field-error=current-password]")).ToContainTextAsync("The current password is not right.");
        await ChangePasswordAsync(laptop, TestUsers.Password, NewPassword, NewPassword + "x");
        await Assertions.Expect(laptop.Locator("[data-field-error=confirm-password]")).ToContainTextAsync("not the same");
        await ChangePasswordAsync(laptop, TestUsers.Password, "short", "short");
        await Assertions.Expect(laptop.Locator("[data-field-error=new-password]")).ToHaveTextAsync(PasswordRule.Description);
        await ChangePasswordAsync(laptop, TestUsers.Password, NewPassword, NewPassword);
        await Assertions.Expect(laptop.GetByTestId("password-changed")).ToBeVisibleAsync();
        await Assertions.Expect(sessions).ToHaveCountAsync(1); // this browser stays signed in

        var again = await SignInAsync(app, email, NewPassword);
        await again.WaitForURLAsync("**/me");
    }

    [Fact]
    public async Task A_park_operator_locks_unlocks_and_resets_a_tenant_account()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        var tenant = await scene.NewAccountAsync(Who.Tenant);
        const string operatorEmail = "keeper@security.test";
        await TestUsers.CreateAsync(app, operatorEmail, Roles.ParkOperator, parkId: scene.ParkId);
        var tenantPage = await SignInAsync(app, tenant, TestUsers.Password);
        await tenantPage.WaitForURLAsync("**/enterprise");

        var page = await SignInAsync(app, operatorEmail, TestUsers.Password);
        await page.WaitForURLAsync("**/park");
        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/park/accounts");
        await Assertions.Expect(page.Locator($"tr[data-account='{operatorEmail}']")).ToContainTextAsync("Your own account");
        await page.GetByLabel("Search accounts").FillAsync(tenant.Split('@')[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = page.Locator($"tr[data-account='{tenant}']");
        await Assertions.Expect(page.Locator("[data-testid=accounts] tbody tr")).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-action-done")).ToContainTextAsync("locked");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-locked", "true");
        await SaveScreenshotAsync(page, "park-accounts");
        await tenantPage.GotoAsync("/enterprise");
        await tenantPage.WaitForURLAsync("**/account/signin**");
        var refused = await SignInAsync(app, tenant, TestUsers.Password);
        await Assertions.Expect(refused.GetByTestId("signin-error")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Unlock", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-action-done")).ToContainTextAsync("unlocked");
        await row.GetByText("Reset password").ClickAsync();
        await row.GetByTestId("confirm-reset").ClickAsync();
        var temporary = (await page.GetByTestId("temporary-password-value").InnerTextAsync()).Trim();
        temporary.Length.ShouldBe(16);

        var back = await SignInAsync(app, tenant, temporary);
        await back.WaitForURLAsync("**/enterprise");
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next, string confirm)
    {
        await page.GetByLabel("Current password").FillAsync(current);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(next);
        await page.GetByLabel("New password again").FillAsync(confirm);
        await page.GetByTestId("change-password").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private Task<IPage> SignInAsync(LingjingApp app, string email, string password) => chromium.SignInAsync(app.BaseAddress!, email, password);

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = true });
    }
}
