using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Nobody reads, cancels or checks in to a booking of another person or enterprise;
/// forged ids read as unknown (404).</summary>
public sealed class BookingIsolationTests
{
    [Theory, BothDatabases]
    public async Task Another_enterprise_cannot_read_cancel_check_in_or_download_a_booking(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 0);
        var tenant = await scene.NewClientAsync(Who.Tenant);
        var other = await scene.NewClientAsync(Who.OtherEnterprise);
        var id = (await (await tenant.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(2, 10), BookingScene.At(2, 11)))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await other.GetAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/bookings/{id}/check-in", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/bookings/{id}/booking.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetStringAsync("/api/v1/me/bookings.ics")).ShouldNotContain(id.ToString());
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/me/bookings")).GetArrayLength().ShouldBe(0);
        (await other.GetAsync($"/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await tenant.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}")).GetProperty("status").GetString().ShouldBe("confirmed");
        (await (await scene.NewClientAsync(Who.Operator)).GetAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the space's own operator");
    }

    [Theory, BothDatabases]
    public async Task Forged_and_malformed_ids_get_clear_errors(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var client = scene.Client(0);

        (await client.GetAsync($"/api/v1/bookings/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/bookings/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/bookings/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unknownSpace = await client.PostAsJsonAsync($"/api/v1/spaces/{BookingScene.UnknownSpaceId}/bookings/next", new { });
        unknownSpace.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ((await unknownSpace.Content.ReadFromJsonAsync<Problem>())!.Detail ?? "").ShouldContain("no space");
        var badJson = await client.PostAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            new StringContent("{\"start\": ", System.Text.Encoding.UTF8, "application/json"));
        badJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
