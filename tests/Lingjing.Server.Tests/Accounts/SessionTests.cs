using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Accounts.Sessions;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>Sign-out ends the session at once; a password change, a lock or a reset ends all of them.</summary>
public sealed class SessionTests
{
    [Theory, BothDatabases]
    public async Task Signed_out_bearer_token_stops_working_at_once(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await TestUsers.CreateAsync(app, "leaver@example.test", Roles.Employee);
        var client = await app.SignedInAsync("leaver@example.test", TestUsers.Password);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/api/v1/auth/signout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await client.GetAsync("/api/v1/me");
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        after.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory, BothDatabases]
    public async Task Signed_out_cookie_stops_working_at_once_even_when_replayed(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await TestUsers.CreateAsync(app, "browser@example.test", Roles.Employee);
        var cookie = await CookieSignIn.SignInAsync(app.Anonymous(), "browser@example.test", TestUsers.Password);
        var browser = CookieSignIn.WithCookie(app, cookie);
        (await browser.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.PostAsync("/api/v1/auth/signout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // A copy of the cookie kept by someone else is worth nothing now.
        (await CookieSignIn.WithCookie(app, cookie).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await CookieSignIn.WithCookie(app, cookie).GetAsync("/me");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/signin");
    }

    [Fact]
    public async Task Signing_out_one_token_leaves_the_other_sessions_of_the_account()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "two@example.test", Roles.Employee);
        var laptop = await NewTokenClientAsync(app, "two@example.test");
        var phone = await NewTokenClientAsync(app, "two@example.test");

        await laptop.PostAsync("/api/v1/auth/signout", null);

        (await laptop.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await phone.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await TestUsers.CreateAsync(app, "careful@example.test", Roles.Employee);
        var here = await NewTokenClientAsync(app, "careful@example.test");
        var elsewhere = await NewTokenClientAsync(app, "careful@example.test");
        var cookie = await CookieSignIn.SignInAsync(app.Anonymous(), "careful@example.test", TestUsers.Password);

        var changed = await here.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestUsers.Password, newPassword = "Brand#New2027" });

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await here.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await elsewhere.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CookieSignIn.WithCookie(app, cookie).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "careful@example.test", password = "Brand#New2027" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_current_password_changes_nothing_and_says_which_field()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "typo@example.test", Roles.Employee);
        var client = await NewTokenClientAsync(app, "typo@example.test");

        var response = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not-it", newPassword = "Brand#New2027" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ValidationBody>();
        problem!.Title.ShouldBe("The password was not changed");
        problem.Errors.Keys.ShouldBe(["currentPassword"]);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Weak_new_password_gets_400_naming_the_rule()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "weak@example.test", Roles.Employee);
        var client = await NewTokenClientAsync(app, "weak@example.test");

        var response = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestUsers.Password, newPassword = "short" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationBody>())!.Errors["newPassword"].ShouldContain(e => e.Contains('8'));
    }

    [Theory, BothDatabases]
    public async Task Active_sessions_are_listed_and_one_can_be_ended(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await TestUsers.CreateAsync(app, "lister@example.test", Roles.Employee);
        var here = await NewTokenClientAsync(app, "lister@example.test");
        var other = await NewTokenClientAsync(app, "lister@example.test");

        var sessions = (await here.GetFromJsonAsync<List<SessionView>>("/api/v1/me/sessions"))!;

        sessions.Count.ShouldBe(2);
        sessions.Count(s => s.Current).ShouldBe(1);
        sessions.ShouldAllBe(s => s.Kind == SessionKinds.Token);
        var otherId = sessions.Single(s => !s.Current).Id;
        (await here.DeleteAsync($"/api/v1/me/sessions/{otherId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await other.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await here.GetFromJsonAsync<List<SessionView>>("/api/v1/me/sessions"))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Another_persons_session_cannot_be_ended()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "alice@example.test", Roles.Employee);
        await TestUsers.CreateAsync(app, "mallory@example.test", Roles.Employee);
        var alice = await NewTokenClientAsync(app, "alice@example.test");
        var mallory = await NewTokenClientAsync(app, "mallory@example.test");
        var aliceSession = (await alice.GetFromJsonAsync<List<SessionView>>("/api/v1/me/sessions"))!.Single().Id;

        var response = await mallory.DeleteAsync($"/api/v1/me/sessions/{aliceSession}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alice.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ending_the_other_sessions_keeps_this_one()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "tidy@example.test", Roles.Employee);
        var others = new[] { await NewTokenClientAsync(app, "tidy@example.test"), await NewTokenClientAsync(app, "tidy@example.test") };
        var here = await NewTokenClientAsync(app, "tidy@example.test");

        var response = await here.PostAsync("/api/v1/me/sessions/end-others", null);

        (await response.Content.ReadFromJsonAsync<SessionsApi.EndedSessions>())!.Ended.ShouldBe(2);
        foreach (var other in others) (await other.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await here.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_without_a_session_is_refused()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        var user = await TestUsers.CreateAsync(app, "minted@example.test", Roles.Government);
        await using var scope = app.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<LingjingUser>>().CreateAsync(user);
        var options = app.Service<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = TestClock.Now.AddHours(1) }, IdentityConstants.BearerScheme);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerTokenProtector.Protect(ticket));

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_without_signing_in_gets_401()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);

        (await app.Anonymous().PostAsync("/api/v1/auth/signout", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>A fresh token each time (the app's helper reuses one per account).</summary>
    internal static async Task<HttpClient> NewTokenClientAsync(LingjingApp app, string email, string password = TestUsers.Password)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken);
        return client;
    }

    private sealed record TokenBody(string AccessToken);

    private sealed record ValidationBody(string Title, Dictionary<string, string[]> Errors);
}
