using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Lingjing.Server.Tests.Security;

/// <summary>A foreign site's page cannot use the visitor's cookie to change data or to open the world
/// WebSocket (cross-site WebSocket hijacking).</summary>
[Collection(TerminalsCollection.Name)]
public sealed class OriginCheckTests(TerminalsFixture fixture)
{
    private const string Evil = "https://evil.example";
    private const string Own = "http://localhost";

    private static async Task<(HttpClient Client, CookieContainer Cookies)> CookieClientAsync(LingjingApp app)
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signedIn = await PortalBrowser.PostFormAsync(client, "/account/signin", "signin",
            new() { ["Form.Email"] = TerminalScene.Visitor, ["Form.Password"] = TerminalScene.Password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, cookies);
    }

    private static HttpRequestMessage Post(string path, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    [Theory, BothDatabases]
    public async Task A_cookie_authenticated_post_from_a_foreign_origin_gets_403_problem_details(Db db)
    {
        var (app, _) = await fixture.App(db);
        var (client, _) = await CookieClientAsync(app);

        using var response = await client.SendAsync(Post("/api/v1/me/notifications/read-all", Evil));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Request from another site refused");
        problem.GetProperty("detail").GetString()!.ShouldContain(Evil);
    }

    [Theory, BothDatabases]
    public async Task A_cookie_authenticated_post_from_the_site_itself_or_without_origin_passes(Db db)
    {
        var (app, _) = await fixture.App(db);
        var (client, _) = await CookieClientAsync(app);

        (await client.SendAsync(Post("/api/v1/me/notifications/read-all", Own))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(Post("/api/v1/me/notifications/read-all", null))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task A_bearer_token_call_is_not_refused_for_its_origin(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.Visitor, TerminalScene.Password);

        (await client.SendAsync(Post("/api/v1/me/notifications/read-all", Evil))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task A_sign_in_form_posted_from_a_foreign_origin_is_refused(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = app.Anonymous();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "signin", ["Form.Email"] = TerminalScene.Visitor });

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin") { Content = form };
        request.Headers.Add("Origin", Evil);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothDatabases]
    public async Task The_world_websocket_upgrade_from_a_foreign_origin_gets_403_problem_details(Db db)
    {
        var (app, _) = await fixture.App(db);
        var (client, _) = await CookieClientAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/world/ws");
        request.Headers.Add("Origin", Evil);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("open a WebSocket");
    }

    [Theory, BothDatabases]
    public async Task The_world_websocket_opens_with_the_cookie_from_the_sites_own_origin_and_not_from_a_foreign_one(Db db)
    {
        var (app, _) = await fixture.App(db);
        var (_, cookies) = await CookieClientAsync(app);
        var cookie = cookies.GetCookieHeader(new Uri("http://localhost/"));

        WebSocketClientFor(app, cookie, Own, out var own);
        using (var socket = await own.ConnectAsync(new Uri("ws://localhost/world/ws"), CancellationToken.None))
        {
            socket.State.ShouldBe(WebSocketState.Open);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        WebSocketClientFor(app, cookie, Evil, out var foreign);
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => foreign.ConnectAsync(new Uri("ws://localhost/world/ws"), CancellationToken.None));
        refused.Message.ShouldContain("403");
    }

    private static void WebSocketClientFor(LingjingApp app, string cookie, string origin, out Microsoft.AspNetCore.TestHost.WebSocketClient client)
    {
        client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            request.Headers.Cookie = cookie;
            request.Headers.Origin = origin;
        };
    }
}
