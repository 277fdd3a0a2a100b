using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Infrastructure.Web;
using Lingjing.Server.Tests.Bookings;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Security;

/// <summary>Absolute links come from Lingjing:PublicBaseUrl, never from the Host header a client sends.</summary>
public sealed class PublicBaseUrlTests
{
    [Theory, BothDatabases]
    public async Task Calendar_links_use_the_configured_public_address_whatever_the_host_header(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false,
            new Dictionary<string, string?> { ["Lingjing:PublicBaseUrl"] = "https://park.example.test/lingjing/" });
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var created = await (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(4, 10), BookingScene.At(4, 11)))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        foreach (var path in new[] { "/api/v1/me/bookings.ics", $"/api/v1/bookings/{id}/booking.ics" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            using var response = await scene.Client(0).SendAsync(request);
            var unfolded = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);

            unfolded.ShouldContain($"URL:https://park.example.test/lingjing/bookings/{id}", customMessage: path);
            unfolded.ShouldNotContain("evil.example", customMessage: path);
        }
    }

    [Theory]
    [InlineData("", "http://localhost:5080", "http://localhost:5080")]
    [InlineData("", "http://0.0.0.0:8080;https://0.0.0.0:8443", "http://localhost:8080")]
    [InlineData("", "http://+:80", "http://localhost")]
    [InlineData("", null, "http://localhost:5080")]
    [InlineData("https://park.example.cn/", "http://localhost:5080", "https://park.example.cn")]
    [InlineData("https://park.example.cn/lingjing", null, "https://park.example.cn/lingjing")]
    public void The_public_address_is_the_setting_or_else_the_first_listening_url(string configured, string? urls, string expected)
    {
        var address = new PublicBaseUrl(configured, urls);

        address.Value.ShouldBe(expected);
        address.Of("/bookings/1").ShouldBe(expected + "/bookings/1");
    }

    [Theory]
    [InlineData("park.example.cn")]
    [InlineData("ftp://park.example.cn")]
    [InlineData("https://park.example.cn/?x=1")]
    public void A_public_address_that_is_not_an_http_url_stops_the_server_with_a_reason(string configured) =>
        Should.Throw<InvalidOperationException>(() => new PublicBaseUrl(configured, null)).Message.ShouldContain("Lingjing:PublicBaseUrl");
}
