using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>A park with one space open 00:00-23:59 every day, in an app without demo data, and
/// signed-in clients of users of its own. Its rows and accounts are unique, so scenes share a server.</summary>
public sealed class BookingScene
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly LingjingApp app;
    private readonly List<string> tokens = [];
    private readonly List<string> emails = [];

    /// <summary>The email of user number <paramref name="user"/>, to sign in some other way (a browser, another clock).</summary>
    public string Email(int user) => emails[user];

    private BookingScene(LingjingApp app) => this.app = app;

    /// <summary>An id no space has, however many scenes share the server.</summary>
    public const int UnknownSpaceId = 999_999_999;

    public int SpaceId { get; private set; }
    public int ParkId { get; private set; }

    public static async Task<BookingScene> CreateAsync(LingjingApp app, int users = 2, TimeOnly? opensAt = null, TimeOnly? closesAt = null)
    {
        var scene = new BookingScene(app);
        await scene.SeedSpaceAsync(opensAt ?? new TimeOnly(0, 0), closesAt ?? new TimeOnly(23, 59));
        for (var i = 0; i < users; i++)
        {
            var email = SharedApps.Email($"booker{i}");
            await TestUsers.CreateAsync(app, email, Roles.Employee);
            scene.emails.Add(email);
            scene.tokens.Add(await app.TokenAsync(email, TestUsers.Password));
        }
        return scene;
    }

    /// <summary>A new client (its own HttpClient) signed in as user number <paramref name="user"/> modulo the users made.</summary>
    public HttpClient Client(int user)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user % tokens.Count]);
        return client;
    }

    /// <summary>A zone-local wall-clock time some days ahead, as ISO 8601 with its offset.</summary>
    public static string At(int daysAhead, int hour, int minute = 0)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TestClock.Now, Zone).DateTime);
        var local = today.AddDays(daysAhead).ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
    }

    public static object Body(string start, string end) => new { start, end, purpose = "Reading club" };

    public async Task<int> LiveRowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        return db.Set<Booking>().Count(b => b.SpaceId == SpaceId && (b.Status == "pending" || b.Status == "confirmed"));
    }

    private async Task SeedSpaceAsync(TimeOnly opensAt, TimeOnly closesAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = new Park
        {
            Code = "B" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), NameZh = "预约园", NameEn = "Booking Park", AddressZh = "预约路1号", AddressEn = "1 Booking Road",
            Latitude = 39.9, Longitude = 116.4, AreaSquareMeters = 10_000, OpenedYear = 2020, Boundary = "[[0,0],[100,0],[100,100]]",
        };
        db.Set<Park>().Add(park);
        await db.SaveChangesAsync();
        var space = new Space
        {
            ParkId = park.Id, NameZh = "多功能厅", NameEn = "Multipurpose Hall", SpaceType = "theatre", Capacity = 80,
            AreaSquareMeters = 200, OpensAt = opensAt, ClosesAt = closesAt, OpenDays = 0b1111111,
        };
        space.SearchText = SearchText.For(space);
        db.Set<Space>().Add(space);
        await db.SaveChangesAsync();
        SpaceId = space.Id;
        ParkId = park.Id;
    }

    /// <summary>A signed-in client of a new account: an operator of this park or another one, an
    /// administrator of an enterprise in this park or another park, or an employee of no enterprise.</summary>
    public async Task<HttpClient> NewClientAsync(Who who) => await app.SignedInAsync(await NewAccountAsync(who), TestUsers.Password);

    /// <summary>A new account as for <see cref="NewClientAsync"/>; returns its email.</summary>
    public async Task<string> NewAccountAsync(Who who)
    {
        var email = SharedApps.Email(who.ToString().ToLowerInvariant());
        switch (who)
        {
            case Who.Operator: await TestUsers.CreateAsync(app, email, Roles.ParkOperator, parkId: ParkId); break;
            case Who.OtherOperator: await TestUsers.CreateAsync(app, email, Roles.ParkOperator, parkId: await OtherParkAsync()); break;
            case Who.Tenant: await TestUsers.CreateAsync(app, email, Roles.EnterpriseAdmin, enterpriseId: await EnterpriseAsync(ParkId)); break;
            case Who.OtherEnterprise: await TestUsers.CreateAsync(app, email, Roles.EnterpriseAdmin, enterpriseId: await EnterpriseAsync(await OtherParkAsync())); break;
            default: await TestUsers.CreateAsync(app, email, Roles.Employee); break;
        }
        return email;
    }

    /// <summary>Sets the space's rules through the operator API; unspecified rules keep the defaults
    /// (open every day all day, 15 min to 8 h, default 1 h, 90 days ahead, everyone signed in).</summary>
    public async Task SetRulesAsync(HttpClient operatorClient, int defaultMinutes = 60, int minMinutes = 15, int maxMinutes = 480,
        int bufferMinutes = 0, int maxDaysAhead = 90, int? weeklyQuota = null, bool approval = false, string audience = "signed-in",
        int capacity = 80, int noShowMinutes = 15, string opensAt = "00:00", string closesAt = "23:59")
    {
        var response = await operatorClient.PutAsJsonAsync($"/api/v1/spaces/{SpaceId}/rules", new
        {
            opensAt, closesAt, openDays = new[] { 1, 2, 3, 4, 5, 6, 7 }, capacity, defaultMinutes, minMinutes, maxMinutes, bufferMinutes,
            maxDaysAhead, weeklyQuotaPerEnterprise = weeklyQuota, requiresApproval = approval, audience, noShowReleaseMinutes = noShowMinutes,
        });
        response.EnsureSuccessStatusCode();
    }

    private int? otherPark;
    private readonly Dictionary<int, int> enterprises = [];

    private async Task<int> OtherParkAsync()
    {
        if (otherPark is { } known) return known;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = ZoneRows.Park("Other Park");
        db.Set<Park>().Add(park);
        await db.SaveChangesAsync();
        return (otherPark = park.Id).Value;
    }

    private async Task<int> EnterpriseAsync(int parkId)
    {
        if (enterprises.TryGetValue(parkId, out var known)) return known;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var enterprise = ZoneRows.Enterprise(parkId, $"Enterprise of park {parkId}");
        db.Set<Enterprise>().Add(enterprise);
        await db.SaveChangesAsync();
        return enterprises[parkId] = enterprise.Id;
    }
}

public enum Who { Operator, OtherOperator, Tenant, OtherEnterprise, Employee }
