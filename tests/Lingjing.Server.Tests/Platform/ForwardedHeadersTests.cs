using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Accounts.Sessions;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Platform;

/// <summary>X-Forwarded-For names the client only when a configured proxy sent the request.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.1.0.5", Client = "203.0.113.7";

    [Fact]
    public async Task Forwarded_address_from_a_known_proxy_is_the_client_address()
    {
        await using var app = await StartAsync(new() { ["Lingjing:ForwardedHeaders:KnownProxies:0"] = Proxy });

        (await SessionAddressAsync(app, peer: Proxy, forwardedFor: Client)).ShouldBe(Client);
    }

    [Fact]
    public async Task Forwarded_address_from_a_known_network_is_the_client_address()
    {
        await using var app = await StartAsync(new() { ["Lingjing:ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16" });

        (await SessionAddressAsync(app, peer: Proxy, forwardedFor: Client)).ShouldBe(Client);
    }

    [Fact]
    public async Task Forwarded_address_from_anyone_else_is_ignored()
    {
        await using var app = await StartAsync(new() { ["Lingjing:ForwardedHeaders:KnownProxies:0"] = Proxy });

        (await SessionAddressAsync(app, peer: "198.51.100.9", forwardedFor: Client)).ShouldBe("198.51.100.9");
    }

    [Fact]
    public async Task Without_configuration_a_remote_peer_cannot_pose_as_another_address()
    {
        await using var app = await StartAsync([]);

        (await SessionAddressAsync(app, peer: Proxy, forwardedFor: Client)).ShouldBe(Proxy);
    }

    [Fact]
    public async Task One_guesser_behind_the_proxy_does_not_lock_out_the_others_behind_it()
    {
        await using var app = await StartAsync(new() { ["Lingjing:ForwardedHeaders:KnownProxies:0"] = Proxy });
        await TestUsers.CreateAsync(app.Root, "colleague@example.test", Roles.Employee);
        for (var i = 0; i < SignInThrottle.AddressFailureLimit; i++)
            await TokenAsync(app, Proxy, "198.51.100.66", $"sprayed{i}@example.test", "Password1");

        (await TokenAsync(app, Proxy, "198.51.100.66", "colleague@example.test", TestUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await TokenAsync(app, Proxy, Client, "colleague@example.test", TestUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_malformed_proxy_setting_stops_the_server_with_a_clear_message()
    {
        var error = await Should.ThrowAsync<Exception>(() => StartAsync(new() { ["Lingjing:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99" }));

        error.ToString().ShouldContain("Lingjing:ForwardedHeaders:KnownNetworks");
    }

    /// <summary>An app whose requests can come from any peer address (<see cref="PeerAddress"/>).</summary>
    private sealed class ProxiedApp(LingjingApp app) : IAsyncDisposable
    {
        public LingjingApp Root => app;
        public LingjingApp App => app;
        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private static async Task<ProxiedApp> StartAsync(Dictionary<string, string?> settings) =>
        new(await LingjingApp.StartAsync(Db.Sqlite, demo: false, settings, services: s => s.AddSingleton<IStartupFilter, PeerAddress>()));

    private static Task<HttpResponseMessage> TokenAsync(ProxiedApp app, string peer, string forwardedFor, string email, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add(PeerAddress.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return app.App.CreateClient().SendAsync(request);
    }

    /// <summary>Signs in through the proxy and reads back the address the session was recorded with.</summary>
    private static async Task<string> SessionAddressAsync(ProxiedApp app, string peer, string forwardedFor)
    {
        var email = $"u{Guid.NewGuid():N}@example.test";
        await TestUsers.CreateAsync(app.Root, email, Roles.Employee);
        var token = await TokenAsync(app, peer, forwardedFor, email, TestUsers.Password);
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = app.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken);
        return (await client.GetFromJsonAsync<List<SessionView>>("/api/v1/me/sessions"))!.Single().ClientAddress;
    }

    private sealed record TokenBody(string AccessToken);
}
