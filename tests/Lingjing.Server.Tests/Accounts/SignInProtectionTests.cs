using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>Lockout and throttling: guessing is slowed down, honest users from one address are not.</summary>
public sealed class SignInProtectionTests
{
    [Fact]
    public async Task Account_locks_after_five_wrong_passwords_even_for_the_right_one()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "target@example.test", Roles.Employee);
        var client = app.Anonymous();

        for (var i = 0; i < 5; i++)
            (await RequestToken(client, "target@example.test", "wrong-guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var right = await RequestToken(client, "target@example.test", TestUsers.Password);

        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await right.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe(TokenApi.FailedTitle);
    }

    [Fact]
    public async Task Repeated_failures_on_one_account_get_429_with_retry_after()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var client = app.Anonymous();

        for (var i = 0; i < SignInThrottle.AccountFailureLimit; i++)
            (await RequestToken(client, "guessed@example.test", $"guess-{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var throttled = await RequestToken(client, "guessed@example.test", "one-more");

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.ShouldNotBeNull();
        (await throttled.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Too many failed sign-ins");
    }

    [Fact]
    public async Task Spraying_many_accounts_from_one_address_gets_429()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "victim@example.test", Roles.Employee);
        var client = app.Anonymous();

        for (var i = 0; i < SignInThrottle.AddressFailureLimit; i++)
            await RequestToken(client, $"sprayed{i}@example.test", "Password1");
        var next = await RequestToken(client, "victim@example.test", TestUsers.Password);

        next.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Theory, BothDatabases]
    public async Task Many_users_signing_in_at_once_from_one_address_are_not_blocked(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        const int users = 40;
        for (var i = 0; i < users; i++)
            await TestUsers.CreateAsync(app, $"worker{i}@example.test", Roles.Employee);
        var client = app.Anonymous();
        // A few mistakes from the same office must not lock the others out.
        for (var i = 0; i < 5; i++)
            await RequestToken(client, $"worker{i}@example.test", "typo");

        var responses = await Task.WhenAll(Enumerable.Range(0, users)
            .Select(i => RequestToken(client, $"worker{i}@example.test", TestUsers.Password)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> RequestToken(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
}
