using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Bookings;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Platform;

/// <summary>Responses that are the same for every reader come from the output cache the second time (the
/// cache adds an Age header), a write to what they show evicts them by tag, and per-user answers are never cached.</summary>
public sealed class OutputCacheTests
{
    [Theory, BothDatabases]
    public async Task The_zone_summary_is_served_from_the_cache_until_a_park_is_added(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        var anonymous = app.Anonymous();
        var first = await anonymous.GetAsync("/api/v1/zone/summary");
        first.Headers.Age.ShouldBeNull();
        var parks = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parks").GetInt32();

        var second = await anonymous.GetAsync("/api/v1/zone/summary");
        second.Headers.Age.ShouldNotBeNull();
        // Signed in or not, the answer is the same one.
        var signedIn = await SignedInAsync(app, Roles.Employee);
        (await signedIn.GetAsync("/api/v1/zone/summary")).Headers.Age.ShouldNotBeNull();

        await AddAsync(app, ZoneRows.Park("Output Cache Park"));

        var after = await anonymous.GetAsync("/api/v1/zone/summary");
        after.Headers.Age.ShouldBeNull();
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parks").GetInt32().ShouldBe(parks + 1);
    }

    [Fact]
    public async Task The_public_policy_catalogue_is_cached_per_address_and_evicted_when_a_policy_is_published()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var anonymous = app.Anonymous();
        (await anonymous.GetAsync("/api/v1/public/policies?pageSize=5")).Headers.Age.ShouldBeNull();
        (await anonymous.GetAsync("/api/v1/public/policies?pageSize=5")).Headers.Age.ShouldNotBeNull();
        (await anonymous.GetAsync("/api/v1/public/policies?pageSize=6")).Headers.Age.ShouldBeNull();

        var today = DateOnly.FromDateTime(TestClock.Now.UtcDateTime);
        await AddAsync(app, new Policy
        {
            TitleZh = "缓存测试政策", TitleEn = "Cache test policy", DepartmentZh = "区文化局", DepartmentEn = "District Culture Bureau",
            Rule = "true", Status = PolicyStatus.Published, ValidFrom = today.AddDays(-1), ValidUntil = today.AddDays(30),
            CreatedAt = TestClock.Now.UtcDateTime, UpdatedAt = TestClock.Now.UtcDateTime, PublishedAt = TestClock.Now.UtcDateTime,
        });

        var after = await anonymous.GetAsync("/api/v1/public/policies?pageSize=5");
        after.Headers.Age.ShouldBeNull();
        (await after.Content.ReadAsStringAsync()).ShouldContain("Cache test policy");
    }

    [Fact]
    public async Task The_twin_model_list_is_shared_by_signed_in_readers_and_an_upload_evicts_it()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var parkId = await AddAsync(app, ZoneRows.Park("Model Park"));
        var reader = await SignedInAsync(app, Roles.Employee);
        var uploader = await SignedInAsync(app, Roles.ParkOperator, parkId);
        (await reader.GetAsync("/api/v1/twin-models")).Headers.Age.ShouldBeNull();
        (await uploader.GetAsync("/api/v1/twin-models")).Headers.Age.ShouldNotBeNull();
        (await app.Anonymous().GetAsync("/api/v1/twin-models")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // authorization runs before the cache

        var uploaded = await uploader.PostAsync("/api/v1/twin-models", new StringContent(
            """{ "@context": "dtmi:dtdl:context;3", "@id": "dtmi:cache:Pump;1", "@type": "Interface", "contents": [ { "@type": "Telemetry", "name": "flow", "schema": "double" } ] }"""));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());

        var after = await reader.GetAsync("/api/v1/twin-models");
        after.Headers.Age.ShouldBeNull();
        (await after.Content.ReadAsStringAsync()).ShouldContain("dtmi:cache:Pump;1");
    }

    [Fact]
    public async Task Per_user_answers_are_never_cached()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        (await scene.Client(0).GetAsync("/api/v1/me/bookings")).Headers.Age.ShouldBeNull();
        var again = await scene.Client(0).GetAsync("/api/v1/me/bookings");
        again.Headers.Age.ShouldBeNull();
        (await scene.Client(0).GetAsync("/api/v1/me/bookings.ics")).Headers.Age.ShouldBeNull();
    }

    private static async Task<HttpClient> SignedInAsync(LingjingApp app, string role, int? parkId = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@cache.test";
        await TestUsers.CreateAsync(app, email, role, parkId);
        return await app.SignedInAsync(email, TestUsers.Password);
    }

    private static async Task<int> AddAsync<T>(LingjingApp app, T row) where T : class
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        db.Add(row);
        await db.SaveChangesAsync();
        return (int)db.Entry(row).Property("Id").CurrentValue!;
    }
}
