using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Accounts;

public sealed class TokenTests
{
    [Theory, BothDatabases]
    public async Task Right_password_gets_a_bearer_token_the_api_accepts(Db db)
    {
        var app = await SharedApps.Blank(db);
        var officialEmail = SharedApps.Email("official");
        await TestUsers.CreateAsync(app, officialEmail, Roles.Government);
        var client = app.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = officialEmail, password = TestUsers.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        body!.AccessToken.ShouldNotBeNullOrWhiteSpace();
        body.ExpiresIn.ShouldBe(8 * 3600);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.AccessToken);
        (await client.GetAsync("/api/v1/zone/charts/parks")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_password_gets_401_problem_details()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var officialEmail = SharedApps.Email("official");
        await TestUsers.CreateAsync(app, officialEmail, Roles.Government);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = officialEmail, password = "not-it" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        problem!.Title.ShouldBe("Wrong email or password");
    }

    [Fact]
    public async Task Unknown_account_gets_the_same_401_as_a_wrong_password()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var nobodyEmail = SharedApps.Email("nobody");

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = nobodyEmail, password = "whatever1" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Wrong email or password");
    }

    [Theory]
    [InlineData("{\"email\": \"a@b.c\"")]
    [InlineData("not json at all")]
    [InlineData("{\"email\": 42, \"password\": []}")]
    public async Task Malformed_body_gets_400_problem_details(string body)
    {
        var app = await SharedApps.Blank(Db.Sqlite);

        var response = await app.Anonymous().PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Missing_password_gets_400()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var aEmail = SharedApps.Email("a");

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = aEmail });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Email and password are required");
    }

    [Fact]
    public async Task Api_without_credentials_gets_401_problem_details_not_a_redirect()
    {
        var app = await SharedApps.Blank(Db.Sqlite);

        var response = await app.Anonymous().GetAsync("/api/v1/zone/charts/parks");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Forged_bearer_token_gets_401()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged-token-value");

        (await client.GetAsync("/api/v1/zone/charts/parks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private sealed record TokenBody(string AccessToken, long ExpiresIn);
}
