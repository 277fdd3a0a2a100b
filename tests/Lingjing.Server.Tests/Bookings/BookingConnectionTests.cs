using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Tests.Infrastructure;
using Npgsql;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>A booking holds one pooled connection from its checks to its answer, and must never wait for
/// another one while it holds it (a cache filled from the database, such as the park's limits): in a burst
/// every pooled connection would be held that way and the requests would wait on each other until the pool's
/// timeout, then answer 503. The bookings benchmark found it on PostgreSQL: after 10 s (the cache's lifetime)
/// not one request was answered. Here the pool has two connections: the telemetry writer keeps one, the
/// booking takes the other, so a second one can never come.</summary>
public sealed class BookingConnectionTests
{
    [Fact]
    public async Task A_booking_never_waits_for_a_second_pooled_connection()
    {
        var database = await TestDatabase.CreatePostgresDatabaseAsync();
        var small = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 2, Timeout = 10 }.ConnectionString;
        await using var app = await LingjingApp.StartAsync(Db.Postgres, demo: false,
            new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = small });
        var scene = await BookingScene.CreateAsync(app, users: 1);

        var response = await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(2, 9), BookingScene.At(2, 10)));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
