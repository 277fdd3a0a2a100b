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

    public string WorldA => $"park-{ParkA}";

    public async Task InitializeAsync()
    {
        App = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var a = NewPark("WT-A");
            var b = NewPark("WT-B");
            db.Parks.AddRange(a, b);
            await db.SaveChangesAsync();
            (ParkA, ParkB) = (a.Id, b.Id);
        }
        OperatorA = await TestUsers.CreateAsync(App, "operator.a@world.test", Roles.ParkOperator, parkId: ParkA);
        OperatorB = await TestUsers.CreateAsync(App, "operator.b@world.test", Roles.ParkOperator, parkId: ParkB);
        OperatorOfMissingPark = await TestUsers.CreateAsync(App, "operator.none@world.test", Roles.ParkOperator, parkId: 99_999);
        for (var i = 1; i <= 8; i++)
            Visitors.Add(await TestUsers.CreateAsync(App, $"visitor{i}@world.test", Roles.Employee));
    }

    public Task<string> TokenAsync(LingjingUser user) => App.TokenAsync(user.Email!, TestUsers.Password);

    public async Task<HttpClient> ClientAsync(LingjingUser user) => await App.SignedInAsync(user.Email!, TestUsers.Password);

    public async Task DisposeAsync() => await App.DisposeAsync();

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
