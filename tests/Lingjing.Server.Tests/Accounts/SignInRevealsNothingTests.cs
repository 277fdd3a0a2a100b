using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>An unknown email, a wrong password and a locked account get the same status and body.</summary>
public sealed class SignInRevealsNothingTests
{
    [Theory, BothDatabases]
    public async Task Unknown_email_wrong_password_and_locked_account_get_the_same_answer(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await TestUsers.CreateAsync(app, "known@example.test", Roles.Employee);
        await TestUsers.CreateAsync(app, "locked@example.test", Roles.Employee);
        await LockAsync(app, "locked@example.test");
        var client = app.Anonymous();

        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.test", password = TestUsers.Password });
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "known@example.test", password = "Wrong#Guess1" });
        var lockedOut = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "locked@example.test", password = TestUsers.Password });

        var answers = new[] { unknown, wrong, lockedOut };
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Unauthorized);
        var bodies = await Task.WhenAll(answers.Select(BodyWithoutTraceAsync));
        bodies.Distinct().Count().ShouldBe(1, string.Join("\n", bodies));
        bodies[0].ShouldContain(TokenApi.FailedTitle);
    }

    [Fact]
    public async Task The_sign_in_page_says_the_same_for_a_locked_account_and_a_wrong_password()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        await TestUsers.CreateAsync(app, "known@example.test", Roles.Employee);
        await TestUsers.CreateAsync(app, "locked@example.test", Roles.Employee);
        await LockAsync(app, "locked@example.test");

        var wrong = await PageMessageAsync(app, "known@example.test", "Wrong#Guess1");
        var lockedOut = await PageMessageAsync(app, "locked@example.test", TestUsers.Password);
        var unknown = await PageMessageAsync(app, "nobody@example.test", TestUsers.Password);

        wrong.ShouldNotBeNullOrEmpty();
        lockedOut.ShouldBe(wrong);
        unknown.ShouldBe(wrong);
    }

    private static async Task LockAsync(LingjingApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
        (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
    }

    private static async Task<string> BodyWithoutTraceAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    private static async Task<string> PageMessageAsync(LingjingApp app, string email, string password)
    {
        var client = app.Anonymous();
        var page = await (await client.GetAsync("/account/signin")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Form.Email"] = email, ["Form.Password"] = password,
        }));
        var html = await response.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"signin-error\">([^<]*)<").Groups[1].Value;
    }
}
