using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Demo;

namespace Lingjing.Server.Tests.Demo;

public sealed class DemoAccountGeneratorTests
{
    private static readonly DateTime CreatedAt = new(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc);
    private static readonly DemoAccountSet Accounts = DemoAccountGenerator.Generate(GeneratedDemoZone.DefaultSeed, "HASH", CreatedAt);

    [Fact]
    public void Accounts_cover_government_every_park_2000_enterprise_admins_2000_employees_every_institution_and_the_service_hall()
    {
        Accounts.Users.Count.ShouldBe(1 + 51 + 2_000 + 2_000 + 300 + DemoAccountGenerator.OfficialCount);
        Accounts.Users.Select(u => u.Email).Distinct().Count().ShouldBe(Accounts.Users.Count);
        Accounts.Users.Select(u => u.Id).Distinct().Count().ShouldBe(Accounts.Users.Count);
        RolesOf("gov@demo.lingjing.local").ShouldBe([Roles.Government]);
        Accounts.Users.Single(u => u.Email == "park51@demo.lingjing.local").ParkId.ShouldBe(51);
        Accounts.Users.Single(u => u.Email == "ent02000@demo.lingjing.local").EnterpriseId.ShouldBe(2000);
        RolesOf("user2000@demo.lingjing.local").Order().ShouldBe([Roles.Employee, Roles.EnterpriseMember]);
        var employees = Accounts.Users.Where(u => u.Email!.StartsWith("user", StringComparison.Ordinal)).ToList();
        employees.ShouldAllBe(u => u.EnterpriseId >= 1 && u.EnterpriseId <= DemoAccountGenerator.EmployeeEnterprises);
        employees.Select(u => u.EnterpriseId).Distinct().Count().ShouldBe(DemoAccountGenerator.EmployeeEnterprises);
        RolesOf("inst300@demo.lingjing.local").ShouldBe([Roles.InstitutionStaff]);
        Accounts.Users.Single(u => u.Email == "inst300@demo.lingjing.local").InstitutionId.ShouldBe(300);
        RolesOf("official6@demo.lingjing.local").ShouldBe([Roles.Government]);
    }

    [Fact]
    public void Accounts_are_ready_for_identity_lookups_and_lockout()
    {
        Accounts.Users.ShouldAllBe(u =>
            string.Equals(u.NormalizedEmail, u.Email!.ToUpperInvariant(), StringComparison.Ordinal) && string.Equals(u.NormalizedUserName, u.UserName!.ToUpperInvariant(), StringComparison.Ordinal)
            && u.PasswordHash == "HASH" && u.EmailConfirmed && u.LockoutEnabled
            && !string.IsNullOrEmpty(u.SecurityStamp) && !string.IsNullOrEmpty(u.ConcurrencyStamp)
            && u.DisplayName.Length > 3 && u.CreatedAt == CreatedAt);
        // Bilingual display names: Chinese characters, then the romanised name.
        Accounts.Users.ShouldAllBe(u => u.DisplayName.Any(c => c >= '\u4e00' && c <= '\u9fff') && u.DisplayName.Any(char.IsAsciiLetterUpper));
    }

    [Fact]
    public void Same_seed_gives_the_same_accounts()
    {
        var again = DemoAccountGenerator.Generate(GeneratedDemoZone.DefaultSeed, "HASH", CreatedAt);

        again.Users.Select(u => (u.Id, u.DisplayName, u.EnterpriseId)).ShouldBe(Accounts.Users.Select(u => (u.Id, u.DisplayName, u.EnterpriseId)));
    }

    private static IEnumerable<string> RolesOf(string email)
    {
        var id = Accounts.Users.Single(u => u.Email == email).Id;
        return Accounts.UserRoles.Where(r => r.UserId == id).Select(r => Roles.All.Single(role => RoleIds.For(role) == r.RoleId));
    }
}
