using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Accounts.ApiKeys;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Bookings;
using Lingjing.Server.Tests.Government;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>Keys for machines: made by an organisation's administrators, shown once and kept only as a hash, used as
/// the person who made them within their scopes only, revoked or expired from the next request on; others' keys
/// stay out of reach.</summary>
public sealed class ApiKeyTests
{
    private static HttpClient Machine(MatterScene scene, string key)
    {
        var client = scene.App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<(string Key, Guid Id)> MakeAsync(HttpClient admin, string name, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name, scopes, expiresInDays = 30 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("key").GetString()!, created.GetProperty("apiKey").GetProperty("id").GetGuid());
    }

    [Theory, BothDatabases]
    public async Task A_key_acts_as_its_maker_within_its_scopes_until_it_is_revoked(Db db)
    {
        await using var scene = await MatterScene.StartAsync(db);
        var bookings = await BookingScene.CreateAsync(scene.App, users: 0);
        var (_, admin) = scene.Enterprises[0];
        var (key, id) = await MakeAsync(admin, "Finance ERP", "directory:read", "bookings:manage");
        key.ShouldStartWith("ljk_");

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).EnumerateArray().Single();
        listed.GetProperty("prefix").GetString()!.ShouldEndWith("_…");
        listed.GetRawText().ShouldNotContain(key[^20..], Case.Sensitive, "the key is shown once, when made");
        await using (var scope = scene.App.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<ApiKey>().SingleAsync();
            row.SecretHash.ShouldNotContain(key[^20..]);
            row.SecretHash.Length.ShouldBe(64, "a SHA-256, not the key");
        }

        var machine = Machine(scene, key);
        (await machine.GetAsync("/api/v1/enterprises?pageSize=5")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var booked = await machine.PostAsJsonAsync($"/api/v1/spaces/{bookings.SpaceId}/bookings", BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 11)));
        booked.StatusCode.ShouldBe(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/me/bookings")).GetArrayLength().ShouldBe(1, "booked as the key's maker");

        var outside = await machine.GetAsync("/api/v1/policies");
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(
            "This API key may not be used for GET /api/v1/policies: it needs the scope policies:read.");
        (await machine.GetAsync("/api/v1/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a key never manages keys");
        (await machine.GetAsync("/enterprise")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "nor opens pages");

        // Many requests at once with one key: all answered, its last use recorded.
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Machine(scene, key).GetAsync("/api/v1/zone/summary")));
        burst.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys"))[0].GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var other = scene.Enterprises[1].Admin;
        (await other.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another enterprise's key");
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).GetArrayLength().ShouldBe(0);
        var revoked = await admin.DeleteAsync($"/api/v1/api-keys/{id}");
        (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("revoked");
        var refused = await machine.GetAsync("/api/v1/me/bookings");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "revoked from the next request on");
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("The API key \"Finance ERP\" was revoked.");
    }

    [Fact]
    public async Task Keys_are_refused_when_expired_forged_or_asked_for_by_someone_who_administers_nothing()
    {
        await using var scene = await MatterScene.StartAsync(Db.Sqlite);
        var (_, admin) = scene.Enterprises[0];
        var (key, id) = await MakeAsync(admin, "Access control", "directory:read");
        var forged = await Machine(scene, key[..^4] + "0000").GetAsync("/api/v1/me/bookings");
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a forged secret");
        forged.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("The API key is not known.");
        (await Machine(scene, "ljk_nothere_123").GetAsync("/api/v1/me/bookings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using (var scope = scene.App.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            await context.Set<ApiKey>().Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        var expired = await Machine(scene, key).GetAsync("/api/v1/me/bookings");
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("The API key \"Access control\" has expired.");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys"))[0].GetProperty("state").GetString().ShouldBe("expired");

        var bad = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "", scopes = new[] { "everything" }, expiresInDays = 0 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()
            .ShouldBe(["expiresInDays", "name", "scopes"]);
        await TestUsers.CreateAsync(scene.App, "keys.employee@example.test", Roles.Employee, enterpriseId: scene.Enterprises[0].Enterprise);
        var employee = await scene.App.SignedInAsync("keys.employee@example.test", TestUsers.Password);
        (await employee.PostAsJsonAsync("/api/v1/api-keys", new { name = "Mine", scopes = new[] { "directory:read" }, expiresInDays = 30 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await scene.App.Anonymous().GetAsync("/api/v1/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (_, govKey) = await MakeAsync(scene.Gov, "District data platform", "policies:read");
        (await scene.Gov.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).EnumerateArray().Select(k => k.GetProperty("id").GetGuid()).ShouldBe([govKey]);
    }

    [Fact]
    public async Task The_keys_page_makes_a_key_shows_it_once_and_revokes_it()
    {
        await using var scene = await MatterScene.StartAsync(Db.Sqlite);
        var pages = await Terminals.PortalBrowser.SignedInWithCookieAsync(scene.App, "matter.admin0@example.test", TestUsers.Password);
        var refused = await Terminals.PortalBrowser.PostFormAsync(pages, "/api-keys", "new-key", new() { ["Form.Name"] = "Gate", ["Form.ExpiresInDays"] = "90" });
        Terminals.PortalBrowser.Text(await refused.Content.ReadAsStringAsync()).ShouldContain("Choose at least one scope.");

        var made = await Terminals.PortalBrowser.PostFormAsync(pages, "/api-keys", "new-key", new()
        {
            ["Form.Name"] = "Gate", ["Form.Scopes"] = "bookings:read", ["Form.ExpiresInDays"] = "90",
        });
        var page = await made.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-new-key>(ljk_[0-9a-f_]+)<").Groups[1].Value;
        key.ShouldStartWith("ljk_", Case.Sensitive, page[..Math.Min(page.Length, 400)]);
        (await Machine(scene, key).GetAsync("/api/v1/me/bookings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await pages.GetStringAsync("/api-keys");
        again.ShouldContain("data-api-key=\"Gate\" data-state=\"active\"");
        again.ShouldNotContain(key[^20..], Case.Sensitive, "shown once");
        var id = (await scene.Enterprises[0].Admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys"))[0].GetProperty("id").GetGuid();
        await Terminals.PortalBrowser.PostFormAsync(pages, "/api-keys", $"revoke-{id}", []);
        (await pages.GetStringAsync("/api-keys")).ShouldContain("data-api-key=\"Gate\" data-state=\"revoked\"");
        (await Machine(scene, key).GetAsync("/api/v1/me/bookings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
