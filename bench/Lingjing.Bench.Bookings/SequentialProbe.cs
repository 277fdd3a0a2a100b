using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Lingjing.Bench.Shared;

namespace Lingjing.Bench.Bookings;

/// <summary>Before the load: one request at a time on the idle server, per kind of answer, so the
/// differences show what each step costs without any queueing: the HTTP floor, a refused booking of
/// an unknown space (authentication, body, space lookup), a new booking (201: the insert and commit),
/// and a taken slot (409: the refused insert and the search for alternatives).</summary>
public static class SequentialProbe
{
    public sealed record ProbeKind(string Kind, int ExpectedStatus, int Requests, int Unexpected, double MeanMs, double P50Ms, double P90Ms);

    public static async Task<List<ProbeKind>> RunAsync(HttpClient http, string token, int spaceId, IReadOnlyList<(string Start, string End)> slots, int requests)
    {
        var oneHour = slots.Where(s => DateTimeOffset.Parse(s.End, System.Globalization.CultureInfo.InvariantCulture)
                - DateTimeOffset.Parse(s.Start, System.Globalization.CultureInfo.InvariantCulture) == TimeSpan.FromHours(1))
            .Take(requests).ToList();
        var kinds = new List<ProbeKind>
        {
            await KindAsync("GET /health/live (HTTP floor)", 200, Enumerable.Range(0, requests).Select(_ => Get("health/live")).ToList()),
            await KindAsync("POST booking, unknown space (404)", 404, oneHour.Select(s => Post(999_999, s)).ToList()),
            await KindAsync("POST booking, free slot (201)", 201, oneHour.Select(s => Post(spaceId, s)).ToList()),
            await KindAsync("POST booking, taken slot (409)", 409, oneHour.Select(s => Post(spaceId, s)).ToList()),
        };
        return kinds;

        HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

        HttpRequestMessage Post(int space, (string Start, string End) slot)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/spaces/{space}/bookings")
            {
                Content = new StringContent($$"""{"start":"{{slot.Start}}","end":"{{slot.End}}","purpose":"Probe"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        async Task<ProbeKind> KindAsync(string kind, int expected, List<HttpRequestMessage> messages)
        {
            // A few unmeasured requests of the same kind first would change the state (201 -> 409), so
            // the kinds run in this order once and the first 10 % of each are left out as warm-up.
            var latencies = new List<double>();
            var unexpected = 0;
            foreach (var (message, i) in messages.Select((m, i) => (m, i)))
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                var ms = clock.Elapsed.TotalMilliseconds;
                if ((int)response.StatusCode != expected) unexpected++;
                if (i >= messages.Count / 10) latencies.Add(ms);
                message.Dispose();
            }
            var p = Percentiles.Of(latencies);
            return new ProbeKind(kind, expected, messages.Count, unexpected, Math.Round(latencies.DefaultIfEmpty().Average(), 2), p.P50Ms, p.P90Ms);
        }
    }
}
