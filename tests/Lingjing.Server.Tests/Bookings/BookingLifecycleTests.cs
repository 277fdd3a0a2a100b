using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Booking, back-to-back bookings, cancelling, availability and my bookings.</summary>
public sealed class BookingLifecycleTests
{
    [Theory, BothDatabases]
    public async Task A_booking_is_confirmed_and_a_back_to_back_one_succeeds(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app);
        var url = $"/api/v1/spaces/{scene.SpaceId}/bookings";

        var first = await scene.Client(0).PostAsJsonAsync(url, BookingScene.Body(BookingScene.At(5, 10), BookingScene.At(5, 11)));
        var second = await scene.Client(1).PostAsJsonAsync(url, BookingScene.Body(BookingScene.At(5, 11), BookingScene.At(5, 12)));
        var before = await scene.Client(1).PostAsJsonAsync(url, BookingScene.Body(BookingScene.At(5, 9), BookingScene.At(5, 10)));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        before.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("confirmed");
        body.GetProperty("spaceId").GetInt32().ShouldBe(scene.SpaceId);
        body.GetProperty("start").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse(BookingScene.At(5, 10), System.Globalization.CultureInfo.InvariantCulture));
        first.Headers.Location!.ToString().ShouldBe($"/api/v1/bookings/{body.GetProperty("id").GetGuid()}");
        (await scene.LiveRowsAsync()).ShouldBe(3);
    }

    [Theory, BothDatabases]
    public async Task Cancelling_frees_the_slot(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app);
        var url = $"/api/v1/spaces/{scene.SpaceId}/bookings";
        var slot = BookingScene.Body(BookingScene.At(6, 14), BookingScene.At(6, 16));
        var booked = await (await scene.Client(0).PostAsJsonAsync(url, slot)).Content.ReadFromJsonAsync<JsonElement>();
        (await scene.Client(1).PostAsJsonAsync(url, slot)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await scene.Client(0).DeleteAsync($"/api/v1/bookings/{booked.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await scene.Client(1).PostAsJsonAsync(url, slot)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await scene.LiveRowsAsync()).ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task Another_user_cannot_cancel_a_booking(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app);
        var response = await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(7, 9), BookingScene.At(7, 10)));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await scene.Client(1).DeleteAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await scene.LiveRowsAsync()).ShouldBe(1);
        var mine = await scene.Client(0).GetFromJsonAsync<JsonElement>("/api/v1/me/bookings");
        mine.GetArrayLength().ShouldBe(1);
        (await scene.Client(1).GetFromJsonAsync<JsonElement>("/api/v1/me/bookings")).GetArrayLength().ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Availability_lists_free_hours_without_the_booked_ones(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1, opensAt: new TimeOnly(9, 0), closesAt: new TimeOnly(21, 0));
        await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(8, 10), BookingScene.At(8, 12)));
        var from = Uri.EscapeDataString(BookingScene.At(8, 0));
        var to = Uri.EscapeDataString(BookingScene.At(9, 0));

        var slots = await scene.Client(0).GetFromJsonAsync<JsonElement>($"/api/v1/spaces/{scene.SpaceId}/availability?from={from}&to={to}");

        var starts = slots.EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset().Hour).ToList();
        starts.ShouldBe([9, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    }
}
