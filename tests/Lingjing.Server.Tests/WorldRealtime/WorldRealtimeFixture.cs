using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>One server on a loopback port (SQLite, no demo data) with two parks, their operators and a few visitors.</summary>
public sealed class WorldRealtimeFixture : IAsyncLifetime
{
    public LingjingApp App { get; private set; } = null!;
    public Uri BaseAddress => App.BaseAddress!;
    public int ParkA { get; private set; }
    public int ParkB { get; private set; }
    public LingjingUser OperatorA { get; private set; } = null!;
    public LingjingUser OperatorB { get; private set; } = null!;
    public LingjingUser OperatorOfMissingPark { get; private set; } = null!;
    public List<LingjingUser> Visitors { get; } = new();

    /// <summary>A park whose world does not allow guests, with an enterprise and its people.</summary>
    public int ClosedPark { get; private set; }
    public LingjingUser OperatorOfClosed { get; private set; } = null!;
    public LingjingUser Government { get; private set; } = null!;
    /// <summary>Two employees of an enterprise in the closed park, and one of an enterprise in park A;
    /// all three go by the display name "samename".</summary>
    public LingjingUser ClosedParkEmployee { get; private set; } = null!;
    public LingjingUser ClosedParkColleague { get; private set; } = null!;
    public LingjingUser ParkAEmployee { get; private set; } = null!;
    public const string ClosedParkEnterpriseName = "闭园设计";
    public const string ParkAEnterpriseName = "甲园动画";

    public string WorldA => $"park-{ParkA}";
    public string ClosedWorld => $"park-{ClosedPark}";

    public async Task InitializeAsync()
    {
        App = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var a = NewPark("WT-A");
            var b = NewPark("WT-B");
            var closed = NewPark("WT-C");
            closed.AllowsGuests = false;
            db.Set<Park>().AddRange(a, b, closed);
            await db.SaveChangesAsync();
            (ParkA, ParkB, ClosedPark) = (a.Id, b.Id, closed.Id);
            var inClosed = NewEnterprise(closed.Id, "91110105WT0000001C", ClosedParkEnterpriseName);
            var inA = NewEnterprise(a.Id, "91110105WT0000002A", ParkAEnterpriseName);
            db.Set<Enterprise>().AddRange(inClosed, inA);
            await db.SaveChangesAsync();
            (enterpriseInClosed, enterpriseInA) = (inClosed.Id, inA.Id);
        }
        OperatorOfClosed = await TestUsers.CreateAsync(App, "operator.c@world.test", Roles.ParkOperator, parkId: ClosedPark);
        Government = await TestUsers.CreateAsync(App, "official@world.test", Roles.Government);
        ClosedParkEmployee = await TestUsers.CreateAsync(App, "samename@closed.test", Roles.Employee, enterpriseId: enterpriseInClosed);
        ClosedParkColleague = await TestUsers.CreateAsync(App, "samename@closed2.test", Roles.Employee, enterpriseId: enterpriseInClosed);
        ParkAEmployee = await TestUsers.CreateAsync(App, "samename@a.test", Roles.Employee, enterpriseId: enterpriseInA);
        OperatorA = await TestUsers.CreateAsync(App, "operator.a@world.test", Roles.ParkOperator, parkId: ParkA);
        OperatorB = await TestUsers.CreateAsync(App, "operator.b@world.test", Roles.ParkOperator, parkId: ParkB);
        OperatorOfMissingPark = await TestUsers.CreateAsync(App, "operator.none@world.test", Roles.ParkOperator, parkId: 99_999);
        for (var i = 1; i <= 12; i++)
            Visitors.Add(await TestUsers.CreateAsync(App, $"visitor{i}@world.test", Roles.Employee));
    }

    public Task<string> TokenAsync(LingjingUser user) => App.TokenAsync(user.Email!, TestUsers.Password);

    public async Task<HttpClient> ClientAsync(LingjingUser user) => await App.SignedInAsync(user.Email!, TestUsers.Password);

    public async Task DisposeAsync() => await App.DisposeAsync();

    private int enterpriseInClosed, enterpriseInA;

    private static Enterprise NewEnterprise(int park, string creditCode, string name)
    {
        var enterprise = new Enterprise
        {
            ParkId = park, CreditCode = creditCode, NameZh = name, NameEn = name, Category = "creative-design",
            FoundedOn = new DateOnly(2018, 3, 1), Employees = 12, UpdatedAt = TestClock.Now.UtcDateTime,
        };
        enterprise.SearchText = SearchText.For(enterprise);
        return enterprise;
    }

    private static Park NewPark(string code) => new()
    {
        Code = code,
        NameZh = code,
        NameEn = code,
        AddressZh = "",
        AddressEn = "",
        Boundary = "[[-200,-150],[200,-150],[200,150],[-200,150]]",
        AllowsGuests = true,
    };
}
