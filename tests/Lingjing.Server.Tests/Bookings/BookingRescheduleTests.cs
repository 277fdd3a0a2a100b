using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;
using Npgsql;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Moving a booking to another time is one step: checked like a new booking, never two
/// bookings, never a moment when the old time is free and the new one not yet held.</summary>
[Collection(nameof(BookingLoadCollection))]
public sealed class BookingRescheduleTests : IDisposable
{
    public BookingRescheduleTests() => NpgsqlConnection.ClearAllPools();

    public void Dispose() => NpgsqlConnection.ClearAllPools();

    [Theory, BothDatabases]
    public async Task Twenty_bookings_moved_onto_one_slot_at_once_move_exactly_one_and_the_others_keep_their_time(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 20);
        var ids = new Guid[20];
        for (var i = 0; i < 20; i++) ids[i] = await BookAsync(scene, i, BookingScene.At(3, i), BookingScene.At(3, i, 30));
        var target = new { start = BookingScene.At(5, 10), end = BookingScene.At(5, 11) };

        var responses = await Task.WhenAll(ids.Select((id, i) => scene.Client(i).PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", target)));

        var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}: {g.Count()}"));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, statuses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(19, statuses);
        (await scene.LiveRowsAsync()).ShouldBe(20);
        for (var i = 0; i < 20; i++)
        {
            var booking = await scene.Client(i).GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{ids[i]}");
            var expected = responses[i].StatusCode == HttpStatusCode.OK ? target.start : BookingScene.At(3, i);
            booking.GetProperty("start").GetDateTimeOffset().ShouldBe(Instant(expected));
            booking.GetProperty("status").GetString().ShouldBe("confirmed");
        }
        var refused = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        refused.GetProperty("title").GetString().ShouldBe("The time is already booked");
        refused.GetProperty("alternatives").GetArrayLength().ShouldBe(3);
    }

    [Theory, BothDatabases]
    public async Task A_move_racing_fifty_new_bookings_for_the_same_time_lets_exactly_one_hold_it(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 20);
        var moving = await BookAsync(scene, 0, BookingScene.At(3, 9), BookingScene.At(3, 10));
        var (start, end) = (BookingScene.At(6, 10), BookingScene.At(6, 11));

        var requests = Enumerable.Range(1, 50).Select(i => scene.Client(i % 19 + 1).PostAsJsonAsync(
                $"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(start, end)))
            .Prepend(scene.Client(0).PostAsJsonAsync($"/api/v1/bookings/{moving}/reschedule", new { start, end }));
        var responses = await Task.WhenAll(requests);

        var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}: {g.Count()}"));
        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(1, statuses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(50, statuses);
        var moved = responses[0].IsSuccessStatusCode;
        (await scene.LiveRowsAsync()).ShouldBe(moved ? 1 : 2);
        var original = await scene.Client(0).GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{moving}");
        original.GetProperty("start").GetDateTimeOffset().ShouldBe(Instant(moved ? start : BookingScene.At(3, 9)));
    }

    [Theory, BothDatabases]
    public async Task One_booking_moved_ten_times_at_once_stays_one_booking_at_one_of_the_times(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var id = await BookAsync(scene, 0, BookingScene.At(3, 9), BookingScene.At(3, 10));
        var targets = Enumerable.Range(0, 10).Select(i => (Start: BookingScene.At(4, 8 + i), End: BookingScene.At(4, 8 + i, 45))).ToList();

        var responses = await Task.WhenAll(targets.Select(t => scene.Client(0).PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { start = t.Start, end = t.End })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await scene.LiveRowsAsync()).ShouldBe(1);
        var booking = await scene.Client(0).GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}");
        targets.Select(t => Instant(t.Start)).ShouldContain(booking.GetProperty("start").GetDateTimeOffset());
        var mine = await scene.Client(0).GetFromJsonAsync<JsonElement>("/api/v1/me/bookings");
        mine.GetArrayLength().ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task A_move_is_checked_like_a_new_booking_and_only_the_owner_moves_a_live_booking_ahead(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 2);
        var id = await BookAsync(scene, 0, BookingScene.At(3, 9), BookingScene.At(3, 10));
        var url = $"/api/v1/bookings/{id}/reschedule";

        (await scene.Client(1).PostAsJsonAsync(url, new { start = BookingScene.At(4, 9), end = BookingScene.At(4, 10) })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var past = await scene.Client(0).PostAsJsonAsync(url, new { start = BookingScene.At(-1, 9), end = BookingScene.At(-1, 10) });
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe("The start is in the past.");
        var far = await scene.Client(0).PostAsJsonAsync(url, new { start = BookingScene.At(120, 9), end = BookingScene.At(120, 10) });
        (await far.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("at most 90 days ahead");
        var noOffset = await scene.Client(0).PostAsJsonAsync(url, new { start = "2030-01-01T10:00", end = BookingScene.At(4, 10) });
        noOffset.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noOffset.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("has no offset");
        (await scene.Client(0).PostAsJsonAsync($"/api/v1/bookings/{Guid.NewGuid()}/reschedule", new { start = BookingScene.At(4, 9), end = BookingScene.At(4, 10) }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Overlapping its own old time is fine: the booking itself never blocks its move.
        var shifted = await scene.Client(0).PostAsJsonAsync(url, new { start = BookingScene.At(3, 9, 30), end = BookingScene.At(3, 10, 30) });
        shifted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shifted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(id);

        (await scene.Client(0).DeleteAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var cancelled = await scene.Client(0).PostAsJsonAsync(url, new { start = BookingScene.At(4, 9), end = BookingScene.At(4, 10) });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await cancelled.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe("A cancelled booking cannot be moved; book a new time instead.");
    }

    [Theory, BothDatabases]
    public async Task An_approved_booking_moved_in_a_space_that_needs_approval_waits_for_approval_again(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);
        var operatorClient = await scene.NewClientAsync(Who.Operator);
        await scene.SetRulesAsync(operatorClient, approval: true);
        var id = await BookAsync(scene, 0, BookingScene.At(3, 9), BookingScene.At(3, 10));
        (await operatorClient.PostAsync($"/api/v1/bookings/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var moved = await scene.Client(0).PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { start = BookingScene.At(5, 14), end = BookingScene.At(5, 15) });

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("pending");
        var queue = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/park/bookings/pending");
        queue.EnumerateArray().Single().GetProperty("booking").GetProperty("start").GetDateTimeOffset().ShouldBe(Instant(BookingScene.At(5, 14)));
        (await operatorClient.GetStringAsync("/api/v1/me/notifications")).ShouldContain("new time");
    }

    private static async Task<Guid> BookAsync(BookingScene scene, int user, string start, string end)
    {
        var created = await scene.Client(user).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", BookingScene.Body(start, end));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
