using Lingjing.Server.Infrastructure.Web;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;

namespace Lingjing.Server.Tests.Security;

/// <summary>Every response tells browsers what the site may do.</summary>
[Collection(TerminalsCollection.Name)]
public sealed class SecurityHeadersTests(TerminalsFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_page_carries_a_strict_script_policy_and_the_other_security_headers(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, TerminalScene.Visitor);

        using var response = await client.GetAsync("/me");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var csp = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        csp["script-src"].ShouldBe(["'self'"]);
        csp["default-src"].ShouldBe(["'self'"]);
        csp["frame-ancestors"].ShouldBe(["'none'"]);
        csp["object-src"].ShouldBe(["'none'"]);
        csp["base-uri"].ShouldBe(["'self'"]);
        csp["form-action"].ShouldBe(["'self'"]);
        csp.Values.SelectMany(v => v).ShouldNotContain("'unsafe-eval'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        // Plain http with an http public address: HSTS would be ignored, and wrong on a local install.
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Theory, BothDatabases]
    public async Task Error_answers_carry_the_headers_too(Db db)
    {
        var (app, _) = await fixture.App(db);

        using var response = await app.Anonymous().GetAsync("/api/v1/no-such-thing");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.Contains("Content-Security-Policy").ShouldBeTrue();
    }

    [Theory, BothDatabases]
    public async Task The_page_has_no_inline_script(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await PortalBrowser.SignedInWithCookieAsync(app, TerminalScene.Visitor);

        foreach (var path in new[] { "/", "/me", "/world/zone", "/account/signin" })
        {
            var html = await client.GetStringAsync(path);
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script\\b[^>]*>");
            scripts.ShouldNotBeEmpty(path);
            scripts.ShouldAllBe(s => s.Value.Contains(" src=\""), path);
            html.ShouldNotMatch("\\son[a-z]+=\"", path);
        }
    }

    [Fact]
    public async Task HSTS_is_sent_when_the_public_address_is_https()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false,
            new Dictionary<string, string?> { ["Lingjing:PublicBaseUrl"] = "https://park.example.test" });

        using var response = await app.Anonymous().GetAsync("/health/live");

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..]);
}
