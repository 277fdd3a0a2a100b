using System.Net.Http.Json;
using System.Net;
using Lingjing.Server.Features.Accounts.Staff;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>Government and park administrators lock, unlock and reset accounts; a park operator only
/// those of their own park.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class StaffAccountTests(DemoZoneFixture zone)
{
    [Theory, BothDatabases]
    public async Task Locking_an_account_ends_its_sessions_and_refuses_sign_in_until_unlocked(Db db)
    {
        var app = await zone.App(db);
        var staff = await NewStaffAsync(app, parkOfEnterprise: 1);
        var victim = await SessionTests.NewTokenClientAsync(app, staff.Email);
        var gov = await app.SignedInAsync(DemoAccounts.Government);

        (await gov.PostAsync($"/api/v1/staff-accounts/{staff.Id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var refused = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = staff.Email, password = TestUsers.Password });
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe(TokenApi.FailedTitle);
        var listed = await gov.GetFromJsonAsync<ResultPage<StaffAccount>>($"/api/v1/staff-accounts?q={staff.Email}");
        listed!.Items.Single().Locked.ShouldBeTrue();

        (await gov.PostAsync($"/api/v1/staff-accounts/{staff.Id}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = staff.Email, password = TestUsers.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task Reset_password_returns_a_new_password_that_works_and_ends_the_old_sessions(Db db)
    {
        var app = await zone.App(db);
        var staff = await NewStaffAsync(app, parkOfEnterprise: 1);
        var old = await SessionTests.NewTokenClientAsync(app, staff.Email);
        var park = await app.SignedInAsync(DemoAccounts.ParkOperator(staff.ParkId));

        var response = await park.PostAsync($"/api/v1/staff-accounts/{staff.Id}/reset-password", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var temporary = (await response.Content.ReadFromJsonAsync<TemporaryPassword>())!;
        temporary.Password.Length.ShouldBe(16);
        (await old.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = staff.Email, password = TestUsers.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = staff.Email, password = temporary.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task Park_operator_sees_and_manages_only_accounts_of_their_park(Db db)
    {
        var app = await zone.App(db);
        var mine = await NewStaffAsync(app, parkOfEnterprise: 1);
        var theirs = await NewStaffAsync(app, parkOfEnterprise: 2);
        var park = await app.SignedInAsync(DemoAccounts.ParkOperator(mine.ParkId));
        theirs.ParkId.ShouldNotBe(mine.ParkId);

        var list = (await park.GetFromJsonAsync<ResultPage<StaffAccount>>("/api/v1/staff-accounts?pageSize=100&q=staff-"))!;

        list.Items.ShouldContain(a => a.Id == mine.Id);
        list.Items.ShouldNotContain(a => a.Id == theirs.Id);
        foreach (var action in new[] { "lock", "unlock", "reset-password" })
        {
            var refused = await park.PostAsync($"/api/v1/staff-accounts/{theirs.Id}/{action}", null);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, action);
        }
        (await SessionTests.NewTokenClientAsync(app, theirs.Email)).ShouldNotBeNull();
    }

    [Theory, BothDatabases]
    public async Task Government_manages_accounts_of_every_park(Db db)
    {
        var app = await zone.App(db);
        var other = await NewStaffAsync(app, parkOfEnterprise: 2);
        var gov = await app.SignedInAsync(DemoAccounts.Government);

        (await gov.PostAsync($"/api/v1/staff-accounts/{other.Id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await gov.PostAsync($"/api/v1/staff-accounts/{other.Id}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Enterprise_staff_and_employees_may_not_manage_accounts()
    {
        var app = await zone.App(Db.Sqlite);
        var staff = await NewStaffAsync(app, parkOfEnterprise: 1);

        foreach (var email in new[] { DemoAccounts.EnterpriseAdmin(1), DemoAccounts.Employee(1) })
        {
            var client = await app.SignedInAsync(email);
            (await client.GetAsync("/api/v1/staff-accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
            (await client.PostAsync($"/api/v1/staff-accounts/{staff.Id}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves()
    {
        var app = await zone.App(Db.Sqlite);
        var gov = await app.SignedInAsync(DemoAccounts.Government);
        var me = (await gov.GetFromJsonAsync<ResultPage<StaffAccount>>($"/api/v1/staff-accounts?q={DemoAccounts.Government}"))!.Items.Single();

        var response = await gov.PostAsync($"/api/v1/staff-accounts/{me.Id}/lock", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Not your own account");
    }

    private sealed record Staff(Guid Id, string Email, int ParkId);

    /// <summary>A new enterprise administrator of the <paramref name="parkOfEnterprise"/>-th park's first enterprise.</summary>
    private static async Task<Staff> NewStaffAsync(LingjingApp app, int parkOfEnterprise)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var enterprise = await db.Set<Enterprise>().Where(e => e.ParkId == parkOfEnterprise).OrderBy(e => e.Id).FirstAsync();
        var email = $"staff-{Guid.NewGuid():N}@accounts.test";
        var user = await TestUsers.CreateAsync(app, email, Roles.EnterpriseAdmin, enterpriseId: enterprise.Id);
        return new Staff(user.Id, email, enterprise.ParkId);
    }
}
