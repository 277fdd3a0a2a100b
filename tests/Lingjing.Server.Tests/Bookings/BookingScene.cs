using System.Globalization;
using System.Net.Http.Headers;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>A park with one space open 00:00-23:59 every day, in an app without demo data, and
/// signed-in clients of users of its own.</summary>
public sealed class BookingScene
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly LingjingApp app;
    private readonly List<string> tokens = [];

    private BookingScene(LingjingApp app) => this.app = app;

    public int SpaceId { get; private set; }

    public static async Task<BookingScene> CreateAsync(LingjingApp app, int users = 2, TimeOnly? opensAt = null, TimeOnly? closesAt = null)
    {
        var scene = new BookingScene(app);
        await scene.SeedSpaceAsync(opensAt ?? new TimeOnly(0, 0), closesAt ?? new TimeOnly(23, 59));
        for (var i = 0; i < users; i++)
        {
            var email = $"booker{i}@bookings.test";
            await TestUsers.CreateAsync(app, email, Roles.Employee);
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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime);
        var local = today.AddDays(daysAhead).ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
    }

    public static object Body(string start, string end) => new { start, end, purpose = "Reading club" };

    public async Task<int> LiveRowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        return db.Bookings.Count(b => b.SpaceId == SpaceId && (b.Status == "pending" || b.Status == "confirmed"));
    }

    private async Task SeedSpaceAsync(TimeOnly opensAt, TimeOnly closesAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = new Park
        {
            Code = "B01", NameZh = "预约园", NameEn = "Booking Park", AddressZh = "预约路1号", AddressEn = "1 Booking Road",
            Latitude = 39.9, Longitude = 116.4, AreaSquareMeters = 10_000, OpenedYear = 2020, Boundary = "[[0,0],[100,0],[100,100]]",
        };
        db.Parks.Add(park);
        await db.SaveChangesAsync();
        var space = new Space
        {
            ParkId = park.Id, NameZh = "多功能厅", NameEn = "Multipurpose Hall", SpaceType = "theatre", Capacity = 80,
            AreaSquareMeters = 200, OpensAt = opensAt, ClosesAt = closesAt, OpenDays = 0b1111111,
        };
        space.SearchText = SearchText.For(space);
        db.Spaces.Add(space);
        await db.SaveChangesAsync();
        SpaceId = space.Id;
    }
}
