using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Demo;

/// <summary>Generates the demo accounts: one government officer, an operator per park, an
/// administrator for each of the first 2,000 enterprises, 2,000 employees spread over the first
/// 1,000 enterprises and a staff member for each service institution. All share <see cref="Password"/>,
/// hashed once by the caller.</summary>
public static class DemoAccountGenerator
{
    public const string Password = "Demo#2026";
    public const string Domain = "demo.lingjing.local";
    public const int EnterpriseAdminCount = 2_000;
    public const int EmployeeCount = 2_000;
    /// <summary>Employees belong to enterprises 1..this, two each.</summary>
    public const int EmployeeEnterprises = 1_000;

    public static string GovernmentEmail => $"gov@{Domain}";
    public static string ParkOperatorEmail(int park) => $"park{park:00}@{Domain}";
    public static string EnterpriseAdminEmail(int enterprise) => $"ent{enterprise:00000}@{Domain}";
    public static string EmployeeEmail(int user) => $"user{user:0000}@{Domain}";
    public static string InstitutionStaffEmail(int institution) => $"inst{institution:000}@{Domain}";
    /// <summary>The officials who staff the service hall's desks (government accounts).</summary>
    public static string OfficialEmail(int official) => $"official{official}@{Domain}";
    public const int OfficialCount = 6;

    public static DemoAccountSet Generate(int seed, string passwordHash, DateTime createdAt)
    {
        var random = new Random(unchecked(seed * 7919 + 5));
        var users = new List<LingjingUser>();
        var userRoles = new List<IdentityUserRole<Guid>>();

        Add(GovernmentEmail, "区文化产业发展中心 District Cultural Industry Office", "产业发展科 Industry development officer", null, null, Roles.Government);
        for (var park = 1; park <= DemoZoneGenerator.ParkCount; park++)
            Add(ParkOperatorEmail(park), Person(), "园区运营经理 Park operations manager", park, null, Roles.ParkOperator);
        for (var enterprise = 1; enterprise <= EnterpriseAdminCount; enterprise++)
            Add(EnterpriseAdminEmail(enterprise), Person(), "企业管理员 Enterprise administrator", null, enterprise, Roles.EnterpriseAdmin);
        string[] jobs = ["设计师 Designer", "工程师 Engineer", "编辑 Editor", "制片 Producer", "策展人 Curator", "运营专员 Operations specialist", "市场专员 Marketing specialist"];
        for (var user = 1; user <= EmployeeCount; user++)
            Add(EmployeeEmail(user), Person(), jobs[random.Next(jobs.Length)], null, (user - 1) % EmployeeEnterprises + 1, Roles.Employee, Roles.EnterpriseMember);
        for (var institution = 1; institution <= DemoZoneGenerator.InstitutionCount; institution++)
            Add(InstitutionStaffEmail(institution), Person(), "服务顾问 Service consultant", null, null, Roles.InstitutionStaff).InstitutionId = institution;
        // Last, so every account above keeps its id and name.
        for (var official = 1; official <= OfficialCount; official++)
            Add(OfficialEmail(official), Person(), "政务服务窗口工作人员 Service hall official", null, null, Roles.Government);
        return new DemoAccountSet(users, userRoles);

        LingjingUser Add(string email, string displayName, string jobTitle, int? park, int? enterprise, params string[] roles)
        {
            var user = new LingjingUser
            {
                Id = RandomGuid(random),
                UserName = email,
                // What Identity's UpperInvariantLookupNormalizer produces, so lookups by email find the row.
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = RandomGuid(random).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = RandomGuid(random).ToString(),
                LockoutEnabled = true,
                DisplayName = displayName,
                JobTitle = jobTitle,
                ParkId = park,
                EnterpriseId = enterprise,
                CreatedAt = createdAt,
            };
            users.Add(user);
            foreach (var role in roles)
                userRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = RoleIds.For(role) });
            return user;
        }

        string Person()
        {
            var surname = DemoVocabulary.Surnames[random.Next(DemoVocabulary.Surnames.Count)];
            var given = DemoVocabulary.GivenNameCharacters;
            var first = given[random.Next(given.Count)];
            if (random.NextDouble() < 0.3) return $"{surname.Zh}{first.Zh} {surname.En} {char.ToUpperInvariant(first.En[0])}{first.En[1..]}";
            var second = given[random.Next(given.Count)];
            return $"{surname.Zh}{first.Zh}{second.Zh} {surname.En} {char.ToUpperInvariant(first.En[0])}{first.En[1..]}{second.En}";
        }
    }

    /// <summary>A version-4 GUID from the seeded generator, so the demo zone is the same on every run.</summary>
    internal static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 layout
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }
}
