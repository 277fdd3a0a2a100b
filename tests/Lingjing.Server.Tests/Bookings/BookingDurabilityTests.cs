using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Durability: a booking the client saw answered 201 survives a SIGKILL of the server
/// process right after, while other booking requests are still in flight. The real server runs as a
/// child process; it is killed the moment the chosen 201 arrives, started again on the same data, and
/// must show every booking that any client saw confirmed, exactly as confirmed, with no two live
/// bookings of one space overlapping.
/// What this catches: any answer sent before the booking is committed (a write queued to a background
/// flush, a commit after the response, a cache in front of the database). A kill -9 of the server does
/// not lose what the server handed to the operating system or to PostgreSQL, so it cannot tell
/// SQLite's synchronous=NORMAL from OFF, nor PostgreSQL's synchronous_commit: those guard against
/// losing power or the whole machine, which a test on one machine cannot do.</summary>
[Collection(nameof(BookingLoadCollection))]
public sealed class BookingDurabilityTests : IDisposable
{
    private const int Users = 20;
    private const int Clients = 100;
    private const int SpaceCount = 3;
    /// <summary>The server is killed when this many 201s have arrived.</summary>
    private const int KillAfterCreated = 80;

    public BookingDurabilityTests() => NpgsqlConnection.ClearAllPools();

    public void Dispose() => NpgsqlConnection.ClearAllPools();

    [Theory, BothDatabases]
    public async Task Every_booking_answered_201_survives_a_kill_9_of_the_server_right_after(Db db)
    {
        var dataDirectory = TestDatabase.CreateDataDirectory();
        var postgres = db == Db.Postgres ? await TestDatabase.CreatePostgresDatabaseAsync() : null;
        var (spaceIds, emails) = await PrepareAsync(db, dataDirectory, postgres);

        var created = new ConcurrentDictionary<Guid, BookingView>();
        var interrupted = 0;
        var killed = 0;
        var unexpected = new ConcurrentQueue<string>();
        await using (var server = ServerChildProcess.Start(dataDirectory, postgres))
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseCookies = false };
            using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var tokens = await TokensAsync(http, emails);

            async Task BookUntilKilledAsync(int client)
            {
                var random = new Random(client);
                for (var request = 0; request < 500 && !server.HasExited; request++)
                {
                    var spaceId = spaceIds[random.Next(spaceIds.Count)];
                    var days = 1 + random.Next(20);
                    var hour = random.Next(22);
                    var body = BookingScene.Body(BookingScene.At(days, hour, 30 * random.Next(2)), BookingScene.At(days, hour + 1, 30 * random.Next(2)));
                    using var message = new HttpRequestMessage(HttpMethod.Post, $"api/v1/spaces/{spaceId}/bookings") { Content = JsonContent.Create(body) };
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[client % tokens.Count]);
                    try
                    {
                        using var response = await http.SendAsync(message);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var booking = (await response.Content.ReadFromJsonAsync<BookingView>())!;
                            created[booking.Id] = booking;
                            // The moment the chosen 201 is in: SIGKILL, while the other clients' requests are in flight.
                            if (created.Count >= KillAfterCreated && Interlocked.Exchange(ref killed, 1) == 0) server.KillNow();
                        }
                        else if (response.StatusCode != HttpStatusCode.Conflict)
                            unexpected.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        Interlocked.Increment(ref interrupted);
                        return;
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => BookUntilKilledAsync(c))));
            await server.WaitForExitAsync(TimeSpan.FromSeconds(30));
            server.ExitCode.ShouldBe(137, "the server should have died of SIGKILL (128 + 9)");
        }
        unexpected.ShouldBeEmpty();
        created.Count.ShouldBeGreaterThanOrEqualTo(KillAfterCreated);
        interrupted.ShouldBeGreaterThan(0, "the kill should have cut requests in flight");

        await using (var restarted = ServerChildProcess.Start(dataDirectory, postgres))
        {
            await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = restarted.BaseAddress };
            var stored = new Dictionary<Guid, BookingView>();
            foreach (var token in await TokensAsync(http, emails))
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, "api/v1/me/bookings");
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(message);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                foreach (var booking in (await response.Content.ReadFromJsonAsync<List<BookingView>>())!) stored[booking.Id] = booking;
            }

            var lost = created.Values.Where(b => !stored.ContainsKey(b.Id)).ToList();
            lost.ShouldBeEmpty($"{lost.Count} of {created.Count} bookings answered 201 are gone after the kill; e.g. {lost.FirstOrDefault()}");
            foreach (var seen in created.Values)
            {
                var after = stored[seen.Id];
                (after.SpaceId, after.Start, after.End, after.Status).ShouldBe((seen.SpaceId, seen.Start, seen.End, seen.Status));
            }
        }
        (await OverlappingLiveBookingsAsync(db, dataDirectory, postgres)).ShouldBe(0);
    }

    /// <summary>A park with a few spaces open around the clock and accounts of its own, written through
    /// an in-memory app on the database the child process will use (no demo zone: seconds, not tens).</summary>
    private static async Task<(List<int> SpaceIds, List<string> Emails)> PrepareAsync(Db db, string dataDirectory, string? postgres)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false, new Dictionary<string, string?>
        {
            ["Lingjing:DataDirectory"] = dataDirectory,
            ["ConnectionStrings:Postgres"] = postgres ?? "",
        });
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = ZoneRows.Park("Durability Park");
        data.Set<Park>().Add(park);
        await data.SaveChangesAsync();
        var spaces = Enumerable.Range(1, SpaceCount).Select(i => ZoneRows.Space(park.Id, $"Hall {i}")).ToList();
        data.Set<Space>().AddRange(spaces);
        // The park sets no limits on active bookings: this test is about durability, and its few users book many times.
        data.Add(new Lingjing.Server.Features.Bookings.ParkBookingLimits { ParkId = park.Id, UpdatedAt = TestClock.Now.UtcDateTime });
        await data.SaveChangesAsync();

        var emails = Enumerable.Range(0, Users).Select(i => $"durable{i}@bookings.test").ToList();
        foreach (var email in emails) await TestUsers.CreateAsync(app, email, Roles.Employee);
        return (spaces.Select(s => s.Id).ToList(), emails);
    }

    private static async Task<List<string>> TokensAsync(HttpClient http, IEnumerable<string> emails)
    {
        var tokens = new List<string>();
        foreach (var email in emails)
        {
            using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email, password = TestUsers.Password });
            response.EnsureSuccessStatusCode();
            tokens.Add((await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken);
        }
        return tokens;
    }

    /// <summary>Pairs of live bookings of one space whose half-open ranges overlap, counted in the
    /// database itself (times compare as text on SQLite: EF writes one sortable format).</summary>
    private static async Task<long> OverlappingLiveBookingsAsync(Db db, string dataDirectory, string? postgres)
    {
        const string Sql = """
            SELECT COUNT(*) FROM bookings a JOIN bookings b
              ON a.space_id = b.space_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
            WHERE a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')
            """;
        await using DbConnection connection = db == Db.Postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "lingjing.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record TokenBody(string AccessToken);
}
