using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Bookings.Oversight;

/// <summary>A small hand-made zone on a fixed clock (Wednesday 6 March 2030, 12:00 zone time), so
/// every utilization figure is known exactly:
/// park A: Hall (theatre, 09:00-17:00 every day, blackout on Tuesday 5 March) and Studio (studio,
/// 10:00-16:00 Monday to Friday); park B: Room (meeting room, 00:00-23:59 every day).
/// Bookings (zone time): Hall Mon 4 Mar 10-12 confirmed and checked in, Hall Mon 14-15 no-show,
/// Studio Mon 10-13 confirmed, Studio Mon 13-14 cancelled, Hall Sun 10 Feb 16-18 confirmed (runs an
/// hour past closing), Hall Thu 7 Mar 09-11 pending, Hall Fri 8 Mar 15-16 confirmed, Room Mon 10-11 confirmed.</summary>
public sealed class OversightScene : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2030, 3, 6, 12, 0, 0, TimeSpan.FromHours(8));
    public const string OperatorA = "operator-a@oversight.test";
    public const string OperatorB = "operator-b@oversight.test";
    public const string Employee = "employee@oversight.test";
    public const string Tenant = "tenant@oversight.test";
    public const string Government = "gov@oversight.test";

    private OversightScene(LingjingApp app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public LingjingApp App { get; }
    public FakeTimeProvider Clock { get; }
    public int ParkA { get; private set; }
    public int ParkB { get; private set; }
    public int Hall { get; private set; }
    public int Studio { get; private set; }
    public int Room { get; private set; }
    public Guid PendingHallBooking { get; private set; }
    public Guid EmployeeId { get; private set; }

    /// <param name="bookings">Seed the bookings; without, the spaces have none.</param>
    /// <param name="spaces">Seed park A's spaces; without, park A has none.</param>
    public static async Task<OversightScene> StartAsync(Db db, bool bookings = true, bool spaces = true)
    {
        var clock = new FakeTimeProvider(Now);
        var app = await LingjingApp.StartAsync(db, demo: false, services: services => services.AddSingleton<TimeProvider>(clock));
        var scene = new OversightScene(app, clock);
        await scene.SeedAsync(bookings, spaces);
        return scene;
    }

    /// <summary>A zone-time instant of the scene's calendar.</summary>
    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2030, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>A client with a bearer token issued on the scene's clock.</summary>
    public async Task<HttpClient> BearerAsync(string email)
    {
        var client = Anonymous();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestUsers.Password });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A client signed in through the sign-in page, carrying the cookie (for pages and their forms).</summary>
    public async Task<HttpClient> CookieAsync(string email)
    {
        var client = Anonymous();
        var response = await PortalBrowser.PostFormAsync(client, "/account/signin", "signin", new() { ["Form.Email"] = email, ["Form.Password"] = TestUsers.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<Booking> BookingAsync(Guid id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        return db.Set<Booking>().Single(b => b.Id == id);
    }

    /// <summary>Adds a space to park A, and bookings of it (zone-time ranges, with their statuses).</summary>
    public async Task<int> AddSpaceAsync(string name, string type, TimeOnly opens, TimeOnly closes, int openDays,
        params (DateTimeOffset Start, DateTimeOffset End, string Status)[] bookings)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var space = NewSpace(ParkA, name, type, opens, closes, openDays);
        db.Set<Space>().Add(space);
        await db.SaveChangesAsync();
        foreach (var (start, end, status) in bookings) Add(db, space.Id, start, end, status);
        await db.SaveChangesAsync();
        return space.Id;
    }

    private async Task SeedAsync(bool withBookings, bool withSpaces)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var parkA = ZoneRows.Park("Oversight Park");
        var parkB = ZoneRows.Park("Other Park");
        db.Set<Park>().AddRange(parkA, parkB);
        await db.SaveChangesAsync();
        (ParkA, ParkB) = (parkA.Id, parkB.Id);
        var enterprise = ZoneRows.Enterprise(ParkA, "Tenant Studio Ltd");
        db.Set<Enterprise>().Add(enterprise);
        await db.SaveChangesAsync();

        var room = NewSpace(ParkB, "Room", "meeting-room", new TimeOnly(0, 0), new TimeOnly(23, 59), 0b1111111);
        db.Set<Space>().Add(room);
        Space? hall = null, studio = null;
        if (withSpaces)
        {
            hall = NewSpace(ParkA, "Hall", "theatre", new TimeOnly(9, 0), new TimeOnly(17, 0), 0b1111111);
            studio = NewSpace(ParkA, "Studio", "studio", new TimeOnly(10, 0), new TimeOnly(16, 0), 0b0011111);
            db.Set<Space>().AddRange(hall, studio);
        }
        await db.SaveChangesAsync();
        Room = room.Id;
        if (hall is not null && studio is not null)
        {
            (Hall, Studio) = (hall.Id, studio.Id);
            db.Add(new SpaceBlackout { SpaceId = Hall, FirstDay = new DateOnly(2030, 3, 5), LastDay = new DateOnly(2030, 3, 5), Reason = "Stage maintenance" });
            await db.SaveChangesAsync();
        }

        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LingjingUser>>();
        await TestUsers.CreateAsync(users, OperatorA, TestUsers.Password, ParkA, null, Roles.ParkOperator);
        await TestUsers.CreateAsync(users, OperatorB, TestUsers.Password, ParkB, null, Roles.ParkOperator);
        var employee = await TestUsers.CreateAsync(users, Employee, TestUsers.Password, null, null, Roles.Employee);
        EmployeeId = employee.Id;
        await TestUsers.CreateAsync(users, Tenant, TestUsers.Password, null, enterprise.Id, Roles.EnterpriseAdmin);
        await TestUsers.CreateAsync(users, Government, TestUsers.Password, null, null, Roles.Government);

        if (!withBookings) return;
        if (withSpaces)
        {
            Add(db, Hall, At(3, 4, 10), At(3, 4, 12), BookingStatus.Confirmed, checkedIn: true);
            Add(db, Hall, At(3, 4, 14), At(3, 4, 15), BookingStatus.NoShow);
            Add(db, Studio, At(3, 4, 10), At(3, 4, 13), BookingStatus.Confirmed);
            Add(db, Studio, At(3, 4, 13), At(3, 4, 14), BookingStatus.Cancelled);
            Add(db, Hall, At(2, 10, 16), At(2, 10, 18), BookingStatus.Confirmed);
            PendingHallBooking = Add(db, Hall, At(3, 7, 9), At(3, 7, 11), BookingStatus.Pending);
            Add(db, Hall, At(3, 8, 15), At(3, 8, 16), BookingStatus.Confirmed);
        }
        Add(db, Room, At(3, 4, 10), At(3, 4, 11), BookingStatus.Confirmed);
        await db.SaveChangesAsync();
    }

    private Guid Add(LingjingDbContext db, int spaceId, DateTimeOffset start, DateTimeOffset end, string status, bool checkedIn = false)
    {
        var booking = new Booking
        {
            Id = Guid.NewGuid(), SpaceId = spaceId, UserId = EmployeeId, StartsAt = start.UtcDateTime, EndsAt = end.UtcDateTime,
            HeldUntil = end.UtcDateTime, Purpose = "Rehearsal " + start.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Attendees = 12, Status = status, CheckInCode = Guid.NewGuid().ToString("N"), CreatedAt = Now.AddDays(-40).UtcDateTime,
            CheckedInAt = checkedIn ? start.UtcDateTime : null,
        };
        db.Add(booking);
        return booking.Id;
    }

    private static Space NewSpace(int parkId, string name, string type, TimeOnly opens, TimeOnly closes, int days)
    {
        var space = new Space
        {
            ParkId = parkId, NameZh = name + "空间", NameEn = name, SpaceType = type, Capacity = 60, AreaSquareMeters = 120,
            OpensAt = opens, ClosesAt = closes, OpenDays = days,
        };
        space.SearchText = SearchText.For(space);
        return space;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
