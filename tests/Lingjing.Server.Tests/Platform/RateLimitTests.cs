using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Web;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Lingjing.Server.Tests.Platform;

/// <summary>Writes and expensive reads are limited per user; over the limit is a 429 problem with Retry-After.</summary>
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string?> SmallLimits = new()
    {
        ["Lingjing:RateLimits:Enabled"] = "true", // off for the other tests' servers
        ["Lingjing:RateLimits:Writes:PermitLimit"] = "3",
        ["Lingjing:RateLimits:Writes:WindowSeconds"] = "60",
        ["Lingjing:RateLimits:ExpensiveReads:PermitLimit"] = "2",
        ["Lingjing:RateLimits:ExpensiveReads:WindowSeconds"] = "60",
    };

    [Fact]
    public async Task Writes_over_the_limit_get_429_problem_details_with_retry_after()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, SmallLimits);
        await TestUsers.CreateAsync(app, "busy@example.test", Roles.Employee);
        var client = await app.SignedInAsync("busy@example.test", TestUsers.Password);

        for (var i = 0; i < 3; i++)
            (await SaveProfileAsync(client)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await SaveProfileAsync(client);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        var problem = (await refused.Content.ReadFromJsonAsync<Problem>())!;
        problem.Title.ShouldBe("Too many requests");
        problem.Detail!.ShouldContain("3");
    }

    [Fact]
    public async Task One_users_limit_does_not_hold_back_another_user()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, SmallLimits);
        await TestUsers.CreateAsync(app, "busy@example.test", Roles.Employee);
        await TestUsers.CreateAsync(app, "calm@example.test", Roles.Employee);
        var busy = await app.SignedInAsync("busy@example.test", TestUsers.Password);
        var calm = await app.SignedInAsync("calm@example.test", TestUsers.Password);
        for (var i = 0; i < 4; i++) await SaveProfileAsync(busy);

        (await SaveProfileAsync(calm)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expensive_reads_are_limited_and_plain_reads_are_not()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, SmallLimits);
        await TestUsers.CreateAsync(app, "reader@example.test", Roles.Employee);
        var client = await app.SignedInAsync("reader@example.test", TestUsers.Password);

        for (var i = 0; i < 5; i++)
            (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 2; i++)
            (await client.GetAsync("/api/v1/parks?q=design")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await client.GetAsync("/api/v1/parks?q=design");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Honest_sign_ins_from_one_address_are_not_rate_limited()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, SmallLimits);
        await TestUsers.CreateAsync(app, "office@example.test", Roles.Employee);

        for (var i = 0; i < 6; i++)
            (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "office@example.test", password = TestUsers.Password }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_named_expensive_read_is_a_route_of_the_app()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var patterns = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

        RateLimiting.ExpensiveReads.Where(r => !patterns.Contains(r)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Limits_below_one_stop_the_server_with_a_clear_message()
    {
        var error = await Should.ThrowAsync<Exception>(() => LingjingApp.StartAsync(Db.Sqlite, demo: false,
            new Dictionary<string, string?> { ["Lingjing:RateLimits:Writes:PermitLimit"] = "0" }));

        error.ToString().ShouldContain("Lingjing:RateLimits:Writes");
    }

    private static Task<HttpResponseMessage> SaveProfileAsync(HttpClient client) =>
        client.PutAsJsonAsync("/api/v1/me", new { displayName = "Busy Bee", jobTitle = "Tester", preferredCulture = "en" });
}
