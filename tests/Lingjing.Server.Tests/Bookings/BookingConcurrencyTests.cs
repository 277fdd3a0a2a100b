using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;
using Npgsql;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Real concurrency: many clients at once never produce two live bookings that overlap.
/// Hundreds of PostgreSQL connections at once: the tests run alone, and the idle connections of
/// earlier apps are closed first, so the server's connection limit is not what they measure.</summary>
[Collection(nameof(BookingLoadCollection))]
public sealed class BookingConcurrencyTests : IDisposable
{
    public BookingConcurrencyTests() => NpgsqlConnection.ClearAllPools();

    public void Dispose() => NpgsqlConnection.ClearAllPools();

    [Theory, BothDatabases]
    public async Task Two_hundred_clients_booking_the_same_slot_at_once_get_one_201_and_199_409s(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        var scene = await BookingScene.CreateAsync(app, users: 20);
        var body = BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 11));
        var clients = Enumerable.Range(0, 200).Select(scene.Client).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", body)));

        var statuses = await StatusesAsync(responses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, statuses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(199, statuses);
        (await scene.LiveRowsAsync()).ShouldBe(1);
        var conflict = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        var alternatives = conflict.GetProperty("alternatives");
        alternatives.GetArrayLength().ShouldBe(3);
        alternatives[0].GetProperty("start").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse(BookingScene.At(3, 11), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, BothDatabases]
    public async Task Overlapping_partial_ranges_booked_at_once_let_exactly_one_win(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        var scene = await BookingScene.CreateAsync(app, users: 20);
        // Every range covers 12:00-12:15, so any two of them overlap.
        var bodies = Enumerable.Range(0, 100).Select(i => BookingScene.Body(
            BookingScene.At(4, 10 + i % 2, 15 * (i % 4) / 2), BookingScene.At(4, 12, 15 + 10 * (i % 5)))).ToList();

        var responses = await Task.WhenAll(bodies.Select((b, i) => scene.Client(i).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings", b)));

        var statuses = await StatusesAsync(responses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, statuses);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(99, statuses);
        (await scene.LiveRowsAsync()).ShouldBe(1);
    }

    /// <summary>Counts by status, and the body of an unexpected one, for the failure message.</summary>
    private static async Task<string> StatusesAsync(HttpResponseMessage[] responses)
    {
        var counts = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}: {g.Count()}"));
        var odd = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        return odd is null ? counts : counts + "; " + await odd.Content.ReadAsStringAsync();
    }
}
