using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lingjing.Bench.Bookings;

/// <summary>Closed-loop booking clients: each of them, signed in as an account of its own, picks one
/// of the hot spaces and one of its slots at random, POSTs the booking, reads the whole answer,
/// records it and goes again, until the time is up.</summary>
public static class BookingLoad
{
    public static async Task<List<string>> SignInAsync(HttpClient http, IReadOnlyList<string> emails, string password, int concurrency)
    {
        var tokens = new string[emails.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email = emails[i], password }, ct);
            response.EnsureSuccessStatusCode();
            tokens[i] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        });
        return [.. tokens];
    }

    public static async Task<List<BookingSample>> RunAsync(HttpClient http, IReadOnlyList<string> tokens,
        IReadOnlyList<(int SpaceId, IReadOnlyList<(string Start, string End)> Slots)> spaces, TimeSpan duration, int seed)
    {
        var clock = Stopwatch.StartNew();
        var perClient = new List<BookingSample>[tokens.Count];

        async Task ClientAsync(int client)
        {
            var random = new Random(seed + client);
            var samples = perClient[client] = new List<BookingSample>(4096);
            var authorization = new AuthenticationHeaderValue("Bearer", tokens[client]);
            while (clock.Elapsed < duration)
            {
                var (spaceId, slots) = spaces[random.Next(spaces.Count)];
                var (start, end) = slots[random.Next(slots.Count)];
                using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/spaces/{spaceId}/bookings")
                {
                    Content = new StringContent($$"""{"start":"{{start}}","end":"{{end}}","purpose":"Benchmark booking"}""", Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = authorization;
                var began = clock.Elapsed;
                int status;
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0;
                }
                var done = clock.Elapsed;
                samples.Add(new BookingSample(status, (done - began).TotalMilliseconds, done.TotalSeconds));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, tokens.Count).Select(c => Task.Run(() => ClientAsync(c))));
        return perClient.SelectMany(s => s).ToList();
    }
}
