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
        var app = await SharedApps.Blank(db);
        var leaverEmail = SharedApps.Email("leaver");
        await TestUsers.CreateAsync(app, leaverEmail, Roles.Employee);
        var client = await app.SignedInAsync(leaverEmail, TestUsers.Password);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/api/v1/auth/signout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await client.GetAsync("/api/v1/me");
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        after.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory, BothDatabases]
    public async Task Signed_out_cookie_stops_working_at_once_even_when_replayed(Db db)
    {
        var app = await SharedApps.Blank(db);
        var browserEmail = SharedApps.Email("browser");
        await TestUsers.CreateAsync(app, browserEmail, Roles.Employee);
        var cookie = await CookieSignIn.SignInAsync(app.Anonymous(), browserEmail, TestUsers.Password);
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
        var app = await SharedApps.Blank(Db.Sqlite);
        var twoEmail = SharedApps.Email("two");
        await TestUsers.CreateAsync(app, twoEmail, Roles.Employee);
        var laptop = await NewTokenClientAsync(app, twoEmail);
        var phone = await NewTokenClientAsync(app, twoEmail);

        await laptop.PostAsync("/api/v1/auth/signout", null);

        (await laptop.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await phone.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one(Db db)
    {
        var app = await SharedApps.Blank(db);
        var carefulEmail = SharedApps.Email("careful");
        await TestUsers.CreateAsync(app, carefulEmail, Roles.Employee);
        var here = await NewTokenClientAsync(app, carefulEmail);
        var elsewhere = await NewTokenClientAsync(app, carefulEmail);
        var cookie = await CookieSignIn.SignInAsync(app.Anonymous(), carefulEmail, TestUsers.Password);

        var changed = await here.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestUsers.Password, newPassword = "Brand#New2027" });

        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await here.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await elsewhere.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CookieSignIn.WithCookie(app, cookie).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = carefulEmail, password = "Brand#New2027" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_current_password_changes_nothing_and_says_which_field()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var typoEmail = SharedApps.Email("typo");
        await TestUsers.CreateAsync(app, typoEmail, Roles.Employee);
        var client = await NewTokenClientAsync(app, typoEmail);

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
        var app = await SharedApps.Blank(Db.Sqlite);
        var weakEmail = SharedApps.Email("weak");
        await TestUsers.CreateAsync(app, weakEmail, Roles.Employee);
        var client = await NewTokenClientAsync(app, weakEmail);

        var response = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestUsers.Password, newPassword = "short" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationBody>())!.Errors["newPassword"].ShouldContain(e => e.Contains('8'));
    }

    [Theory, BothDatabases]
    public async Task Active_sessions_are_listed_and_one_can_be_ended(Db db)
    {
        var app = await SharedApps.Blank(db);
        var listerEmail = SharedApps.Email("lister");
        await TestUsers.CreateAsync(app, listerEmail, Roles.Employee);
        var here = await NewTokenClientAsync(app, listerEmail);
        var other = await NewTokenClientAsync(app, listerEmail);

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
        var app = await SharedApps.Blank(Db.Sqlite);
        var aliceEmail = SharedApps.Email("alice");
        var malloryEmail = SharedApps.Email("mallory");
        await TestUsers.CreateAsync(app, aliceEmail, Roles.Employee);
        await TestUsers.CreateAsync(app, malloryEmail, Roles.Employee);
        var alice = await NewTokenClientAsync(app, aliceEmail);
        var mallory = await NewTokenClientAsync(app, malloryEmail);
        var aliceSession = (await alice.GetFromJsonAsync<List<SessionView>>("/api/v1/me/sessions"))!.Single().Id;

        var response = await mallory.DeleteAsync($"/api/v1/me/sessions/{aliceSession}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alice.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ending_the_other_sessions_keeps_this_one()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var tidyEmail = SharedApps.Email("tidy");
        await TestUsers.CreateAsync(app, tidyEmail, Roles.Employee);
        var others = new[] { await NewTokenClientAsync(app, tidyEmail), await NewTokenClientAsync(app, tidyEmail) };
        var here = await NewTokenClientAsync(app, tidyEmail);

        var response = await here.PostAsync("/api/v1/me/sessions/end-others", null);

        (await response.Content.ReadFromJsonAsync<SessionsApi.EndedSessions>())!.Ended.ShouldBe(2);
        foreach (var other in others) (await other.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await here.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_without_a_session_is_refused()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var mintedEmail = SharedApps.Email("minted");
        var user = await TestUsers.CreateAsync(app, mintedEmail, Roles.Government);
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
        var app = await SharedApps.Blank(Db.Sqlite);

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
