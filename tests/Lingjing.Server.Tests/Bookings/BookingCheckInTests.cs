using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Check-in from 15 minutes before the start; no-shows released by the background job,
/// driven by an injected clock.</summary>
public sealed class BookingCheckInTests
{
    private static readonly DateTimeOffset Monday9 = new(2030, 3, 4, 9, 0, 0, TimeSpan.FromHours(8));

    private static async Task<(LingjingApp App, FakeTimeProvider Clock)> StartAtAsync(Db db)
    {
        var clock = new FakeTimeProvider(Monday9);
        var app = await LingjingApp.StartAsync(db, demo: false, new Dictionary<string, string?> { ["Lingjing:Bookings:HousekeepingInterval"] = "00:00:30" },
            services: services => services.AddSingleton<TimeProvider>(clock));
        return (app, clock);
    }

    /// <summary>Signs in on the app with the fake clock, so the token is issued (and expires) in its time.</summary>
    private static async Task<HttpClient> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestUsers.Password });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Books Monday's [fromHour, toHour) and returns the booking's id; the booking must be created.</summary>
    private static async Task<Guid> BookAsync(HttpClient client, int spaceId, int fromHour, int toHour)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/bookings", new { start = At(fromHour), end = At(toHour), purpose = "Talk" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string At(int hour, int minute = 0) =>
        Monday9.Date.AddHours(hour).AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+08:00";

    [Theory, BothDatabases]
    public async Task Check_in_opens_15_minutes_before_the_start_and_closes_at_the_end(Db db)
    {
        var (app, clock) = await StartAtAsync(db);
        await using var _ = app;
        var scene = await BookingScene.CreateAsync(app, users: 2);
        var client = await SignInAsync(app, scene.Email(0));
        var id = await BookAsync(client, scene.SpaceId, 11, 12);

        clock.SetUtcNow(Monday9.AddHours(1).AddMinutes(44));
        var early = await client.PostAsync($"/api/v1/bookings/{id}/check-in", null);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        ((await early.Content.ReadFromJsonAsync<Problem>())!.Detail ?? "").ShouldContain("10:45");

        var stranger = await SignInAsync(app, scene.Email(1));
        clock.SetUtcNow(Monday9.AddHours(1).AddMinutes(45));
        (await stranger.PostAsync($"/api/v1/bookings/{id}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var checkedIn = await client.PostAsync($"/api/v1/bookings/{id}/check-in", null);
        checkedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await checkedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checkedInAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await client.PostAsync($"/api/v1/bookings/{id}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.OK, "twice is harmless");

        var late = await BookAsync(client, scene.SpaceId, 13, 14);
        clock.SetUtcNow(Monday9.AddHours(5));
        (await client.PostAsync($"/api/v1/bookings/{late}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothDatabases]
    public async Task The_background_job_releases_a_no_show_after_the_spaces_time_and_keeps_checked_in_ones(Db db)
    {
        var (app, clock) = await StartAtAsync(db);
        await using var _ = app;
        var scene = await BookingScene.CreateAsync(app, users: 2);
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), noShowMinutes: 20);
        var alice = await SignInAsync(app, scene.Email(0));
        var bob = await SignInAsync(app, scene.Email(1));
        var absent = await BookAsync(alice, scene.SpaceId, 10, 11);
        var present = await BookAsync(bob, scene.SpaceId, 11, 12);

        clock.SetUtcNow(Monday9.AddMinutes(55));
        (await bob.PostAsync($"/api/v1/bookings/{present}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "not yet 10:45");
        clock.SetUtcNow(Monday9.AddHours(1).AddMinutes(50));
        (await bob.PostAsync($"/api/v1/bookings/{present}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var housekeeping = app.Services.GetRequiredService<BookingHousekeeping>();
        await JobDriver.RunAsync(housekeeping, clock, TimeSpan.FromSeconds(30)); // from 10:50: past 10:00 + 20 min for Alice
        (await StatusAsync(app, absent)).ShouldBe(BookingStatus.NoShow);

        clock.SetUtcNow(Monday9.AddHours(2).AddMinutes(30)); // 11:30: Bob checked in, stays
        await JobDriver.RunAsync(housekeeping, clock, TimeSpan.FromSeconds(30));
        (await StatusAsync(app, present)).ShouldBe(BookingStatus.Confirmed);
        (await alice.GetStringAsync("/api/v1/me/notifications")).ShouldContain("booking.released");
        await BookAsync(alice, scene.SpaceId, 12, 13); // the released hour is free again
    }

    [Theory, BothDatabases]
    public async Task A_reminder_goes_out_once_an_hour_before_the_start(Db db)
    {
        var (app, clock) = await StartAtAsync(db);
        await using var _ = app;
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var alice = await SignInAsync(app, scene.Email(0));
        await BookAsync(alice, scene.SpaceId, 15, 16);

        await using var scope = app.Services.CreateAsyncScope();
        var housekeeper = scope.ServiceProvider.GetRequiredService<BookingHousekeeper>();
        (await housekeeper.RunAsync(Monday9.AddHours(4).AddMinutes(59), default)).Reminded.ShouldBe(0);
        (await housekeeper.RunAsync(Monday9.AddHours(5).AddMinutes(5), default)).Reminded.ShouldBe(1);
        (await housekeeper.RunAsync(Monday9.AddHours(5).AddMinutes(10), default)).Reminded.ShouldBe(0);
        (await alice.GetStringAsync("/api/v1/me/notifications")).ShouldContain("booking.reminder");
    }

    private static async Task<string> StatusAsync(LingjingApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        return db.Set<Booking>().Where(b => b.Id == id).Select(b => b.Status).Single();
    }
}
