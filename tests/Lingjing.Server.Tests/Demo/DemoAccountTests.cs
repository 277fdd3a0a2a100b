using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Tests.Demo;

[Collection(DemoZoneCollection.Name)]
public sealed class DemoAccountTests(DemoZoneFixture fixture)
{
    public sealed record Expected(string Email, string[] Roles, int? ParkId, int? EnterpriseId);

    private static readonly Expected[] Accounts =
    [
        new(DemoAccounts.Government, [Roles.Government], null, null),
        new(DemoAccounts.ParkOperator(1), [Roles.ParkOperator], 1, null),
        new(DemoAccounts.ParkOperator(51), [Roles.ParkOperator], 51, null),
        new(DemoAccounts.EnterpriseAdmin(1), [Roles.EnterpriseAdmin], null, 1),
        new(DemoAccounts.EnterpriseAdmin(2000), [Roles.EnterpriseAdmin], null, 2000),
        new(DemoAccounts.Employee(1), [Roles.Employee, Roles.EnterpriseMember], null, -1),
        new(DemoAccounts.Employee(2000), [Roles.Employee, Roles.EnterpriseMember], null, -1),
    ];

    [Theory, BothDatabases]
    public async Task Every_kind_of_demo_account_gets_a_token_with_its_roles_and_scope(Db db)
    {
        var app = await fixture.App(db);
        var protector = app.Service<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).BearerTokenProtector;

        foreach (var account in Accounts)
        {
            var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = account.Email, password = DemoAccounts.Password });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, account.Email);
            var token = await response.Content.ReadFromJsonAsync<TokenBody>();
            var principal = protector.Unprotect(token!.AccessToken)!.Principal;

            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ShouldBe(account.Roles.Order(), account.Email);
            principal.FindFirstValue(ClaimTypes.Email).ShouldBe(account.Email);
            principal.FindFirstValue(LingjingClaims.DisplayName).ShouldNotBeNullOrWhiteSpace();
            principal.FindFirstValue(LingjingClaims.ParkId).ShouldBe(account.ParkId?.ToString(CultureInfo.InvariantCulture), account.Email);
            var enterprise = principal.FindFirstValue(LingjingClaims.EnterpriseId);
            if (account.EnterpriseId == -1)
                int.Parse(enterprise!, CultureInfo.InvariantCulture).ShouldBeInRange(1, 50_000, account.Email);
            else
                enterprise.ShouldBe(account.EnterpriseId?.ToString(CultureInfo.InvariantCulture), account.Email);
        }
    }

    [Theory, BothDatabases]
    public async Task Wrong_password_for_a_demo_account_is_refused(Db db)
    {
        var app = await fixture.App(db);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = DemoAccounts.EnterpriseAdmin(1999), password = "Demo#2025" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private sealed record TokenBody(string AccessToken, long ExpiresIn);
}
