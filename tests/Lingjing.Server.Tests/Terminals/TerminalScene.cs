using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Terminals;

/// <summary>A small zone of its own for the terminal tests (the app runs without demo data): two
/// parks, three enterprises and one account per role. Tests that change data each use their own
/// enterprise or user, so they do not depend on order.</summary>
public sealed class TerminalScene
{
    public const string Password = "Terminal#Test1";

    public const string Government = "gov@terminals.test";
    public const string OperatorA = "operator.a@terminals.test";
    public const string AdminA1 = "admin.a1@terminals.test";
    public const string MemberA1 = "member.a1@terminals.test";
    public const string AdminA2 = "admin.a2@terminals.test";
    public const string AdminB1 = "admin.b1@terminals.test";
    public const string PageAdminB2 = "admin.b2@terminals.test";
    public const string Visitor = "visitor@terminals.test";
    public const string Renamer = "renamer@terminals.test";

    public int ParkA { get; private set; }
    public int ParkB { get; private set; }
    public int EnterpriseA1 { get; private set; }
    public int EnterpriseA2 { get; private set; }
    public int EnterpriseB1 { get; private set; }
    public int EnterpriseB2 { get; private set; }

    public static async Task<TerminalScene> CreateAsync(LingjingApp app)
    {
        var scene = new TerminalScene();
        await scene.SeedZoneAsync(app);
        await scene.SeedUsersAsync(app);
        return scene;
    }

    private async Task SeedZoneAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var parkA = NewPark("T01", "测试园A", "Test Park A", 116.40, 39.90);
        var parkB = NewPark("T02", "测试园B", "Test Park B", 116.45, 39.92);
        parkA.Buildings.AddRange([NewBuilding("一号楼", "Building 1"), NewBuilding("二号楼", "Building 2")]);
        db.Set<Park>().AddRange(parkA, parkB);
        await db.SaveChangesAsync();
        ParkA = parkA.Id;
        ParkB = parkB.Id;

        var a1 = NewEnterprise(ParkA, "91110000TEST0000A1", "甲一文化", "Alpha One Culture", aboveSize: true, employees: 320);
        var a2 = NewEnterprise(ParkA, "91110000TEST0000A2", "甲二设计", "Alpha Two Design", aboveSize: false, employees: 45);
        var b1 = NewEnterprise(ParkB, "91110000TEST0000B1", "乙一影视", "Beta One Film", aboveSize: false, employees: 80);
        var b2 = NewEnterprise(ParkB, "91110000TEST0000B2", "乙二演艺", "Beta Two Stage", aboveSize: false, employees: 12);
        db.Set<Enterprise>().AddRange(a1, a2, b1, b2);
        db.Set<Space>().AddRange(NewSpace(ParkA, "小剧场", "Little Theatre", "theatre", 200), NewSpace(ParkA, "展厅", "Gallery", "exhibition-hall", 150));
        await db.SaveChangesAsync();
        (EnterpriseA1, EnterpriseA2, EnterpriseB1, EnterpriseB2) = (a1.Id, a2.Id, b1.Id, b2.Id);
        db.Set<EnterpriseRevenue>().AddRange(
            new EnterpriseRevenue { EnterpriseId = a1.Id, Year = 2023, RevenueYuan = 100_000_000 },
            new EnterpriseRevenue { EnterpriseId = a1.Id, Year = 2024, RevenueYuan = 110_000_000 },
            new EnterpriseRevenue { EnterpriseId = a1.Id, Year = 2025, RevenueYuan = 121_000_000 });
        await db.SaveChangesAsync();
    }

    private async Task SeedUsersAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
        await AddUser(users, Government, null, null, Roles.Government);
        await AddUser(users, OperatorA, ParkA, null, Roles.ParkOperator);
        await AddUser(users, AdminA1, null, EnterpriseA1, Roles.EnterpriseAdmin);
        await AddUser(users, MemberA1, null, EnterpriseA1, Roles.Employee, Roles.EnterpriseMember);
        await AddUser(users, AdminA2, null, EnterpriseA2, Roles.EnterpriseAdmin);
        await AddUser(users, AdminB1, null, EnterpriseB1, Roles.EnterpriseAdmin);
        await AddUser(users, PageAdminB2, null, EnterpriseB2, Roles.EnterpriseAdmin);
        await AddUser(users, Visitor, null, null, Roles.Employee);
        await AddUser(users, Renamer, null, null, Roles.Employee);
    }

    private static Task AddUser(UserManager<LingjingUser> users, string email, int? park, int? enterprise, params string[] roles) =>
        TestUsers.CreateAsync(users, email, Password, park, enterprise, roles);

    private static Park NewPark(string code, string zh, string en, double longitude, double latitude) => new()
    {
        Code = code, NameZh = zh, NameEn = en, AddressZh = zh + "路1号", AddressEn = "1 " + en + " Road",
        Latitude = latitude, Longitude = longitude, AreaSquareMeters = 50_000, OpenedYear = 2015, Boundary = "[[0,0],[100,0],[100,100]]",
    };

    private static Building NewBuilding(string zh, string en) =>
        new() { NameZh = zh, NameEn = en, Footprint = "[[0,0],[10,0],[10,10],[0,10]]", HeightMeters = 20, Floors = 5 };

    private static Enterprise NewEnterprise(int park, string creditCode, string zh, string en, bool aboveSize, int employees)
    {
        var enterprise = new Enterprise
        {
            ParkId = park, CreditCode = creditCode, NameZh = zh, NameEn = en, Category = "creative-design",
            FoundedOn = new DateOnly(2016, 5, 1), Employees = employees, AboveDesignatedSize = aboveSize,
            Tags = ["设计", "design"], DescriptionEn = en + " makes things.", UpdatedAt = TestClock.Now.UtcDateTime,
        };
        enterprise.SearchText = SearchText.For(enterprise);
        return enterprise;
    }

    private static Space NewSpace(int park, string zh, string en, string type, int capacity)
    {
        var space = new Space
        {
            ParkId = park, NameZh = zh, NameEn = en, SpaceType = type, Capacity = capacity, AreaSquareMeters = 300,
            OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(21, 0), OpenDays = 0b1111111,
        };
        space.SearchText = SearchText.For(space);
        return space;
    }
}
