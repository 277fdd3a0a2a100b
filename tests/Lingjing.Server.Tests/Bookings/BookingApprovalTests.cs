using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Spaces that need approval: pending bookings hold the time; the park operator approves or
/// rejects with a reason; everyone involved is notified; illegal steps get 409.</summary>
public sealed class BookingApprovalTests
{
    [Theory, BothDatabases]
    public async Task A_pending_booking_holds_the_time_and_the_operator_approves_it(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 2);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        await scene.SetRulesAsync(operatorClient, approval: true);
        var slot = BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 12));

        var created = await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", slot);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>();
        booking.GetProperty("status").GetString().ShouldBe("pending");
        var id = booking.GetProperty("id").GetGuid();
        (await scene.Client(1).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", slot)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var queue = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/pending");
        queue.EnumerateArray().Select(p => p.GetProperty("booking").GetProperty("id").GetGuid()).ShouldBe([id]);
        (await Inbox(operatorClient)).ShouldContain("booking.requested");

        var approved = await operatorClient.PostAsync($"/api/v1/bookings/{id}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("confirmed");
        (await Inbox(scene.Client(0))).ShouldContain("booking.approved");
        (await operatorClient.PostAsync($"/api/v1/bookings/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await operatorClient.PostAsJsonAsync($"/api/v1/bookings/{id}/reject", new { reason = "late" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/pending")).GetArrayLength().ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task A_rejection_needs_a_reason_frees_the_time_and_tells_the_person_why(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 2);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        await scene.SetRulesAsync(operatorClient, approval: true);
        var slot = BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 12));
        var id = (await (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", slot))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await operatorClient.PostAsJsonAsync($"/api/v1/bookings/{id}/reject", new { reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rejected = await operatorClient.PostAsJsonAsync($"/api/v1/bookings/{id}/reject", new { reason = "The hall is reserved for the district expo." });

        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var mine = await scene.Client(0).GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}");
        mine.GetProperty("status").GetString().ShouldBe("rejected");
        mine.GetProperty("decisionReason").GetString().ShouldBe("The hall is reserved for the district expo.");
        (await Inbox(scene.Client(0))).ShouldContain("district expo");
        (await scene.Client(1).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", slot)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.Client(0).DeleteAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, BothDatabases]
    public async Task Only_the_spaces_park_operator_decides(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), approval: true);
        var id = (await (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 11)))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var otherOperator = await scene.NewClientAsync(Who.OtherOperator);

        (await otherOperator.PostAsync($"/api/v1/bookings/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherOperator.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/pending")).GetArrayLength().ShouldBe(0);
        (await otherOperator.GetAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await scene.Client(0).PostAsync($"/api/v1/bookings/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await scene.NewClientAsync(Who.Operator)).PostAsync($"/api/v1/bookings/{Guid.NewGuid()}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await scene.Client(0).GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}")).GetProperty("status").GetString().ShouldBe("pending");
    }

    private static async Task<string> Inbox(HttpClient client) => await client.GetStringAsync("/api/v1/me/notifications");
}
