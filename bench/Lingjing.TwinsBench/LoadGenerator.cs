using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Lingjing.TwinsBench;

/// <summary>Devices posting batches of readings as fast as the server acknowledges them: each of the
/// workers sends its next request when the last one was answered. Counts points the server
/// acknowledged (durable) inside the measured window.</summary>
public sealed class LoadGenerator(HttpClient http, IReadOnlyList<BenchDevice> devices, int batch, int workers)
{
    private long points, requests, busy, failed;
    private long baseTs = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();

    public long Points => Interlocked.Read(ref points);
    public long Requests => Interlocked.Read(ref requests);
    public long Busy => Interlocked.Read(ref busy);
    public long Failed => Interlocked.Read(ref failed);

    public Task RunAsync(CancellationToken ct) => Task.WhenAll(Enumerable.Range(0, workers).Select(w => WorkerAsync(w, ct)));

    private async Task WorkerAsync(int worker, CancellationToken ct)
    {
        var mine = devices.Where((_, i) => i % workers == worker).ToList();
        // Each device's readings a millisecond apart: readings are unique per series and timestamp, and a repeated one
        // would be skipped (and its batch written on the slower path), not counted twice.
        var next = new long[mine.Count];
        var body = new StringBuilder(batch * 160);
        var n = 0;
        while (!ct.IsCancellationRequested)
        {
            var index = n++ % mine.Count;
            var device = mine[index];
            body.Clear().Append('[');
            for (var r = 0; r < batch; r++)
            {
                var ts = baseTs + next[index]++;
                if (r > 0) body.Append(',');
                body.Append("{\"ts\":").Append(ts).Append(",\"values\":");
                Values(body, device.ModelId, r);
                body.Append('}');
            }
            body.Append(']');
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device.Id}/telemetry")
            {
                Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Device", device.Token);
            try
            {
                using var response = await http.SendAsync(request, ct);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref busy);
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), ct);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                    Console.Error.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                    continue;
                }
                var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("accepted").GetInt64();
                Interlocked.Add(ref points, accepted);
                Interlocked.Increment(ref requests);
            }
            catch (OperationCanceledException) { return; }
            catch (HttpRequestException e)
            {
                Interlocked.Increment(ref failed);
                Console.Error.WriteLine(e.Message);
            }
        }
    }

    /// <summary>Plausible values that stay clear of the demo alarm rules (no fault state, no heat, steady power).</summary>
    private static void Values(StringBuilder body, string model, int r)
    {
        var x = (r % 10).ToString(CultureInfo.InvariantCulture);
        switch (model)
        {
            case "dtmi:lingjing:Machine;1":
                body.Append("{\"state\":1,\"speed\":4").Append(x).Append(".5,\"goodCount\":1000").Append(x).Append(",\"badCount\":2").Append(x).Append(",\"power\":44.").Append(x).Append(",\"energy\":1200").Append(x).Append(".25}");
                break;
            case "dtmi:lingjing:TemperatureHumiditySensor;1":
                body.Append("{\"temperature\":22.").Append(x).Append(",\"humidity\":45.").Append(x).Append(",\"battery\":9").Append(x).Append('}');
                break;
            case "dtmi:lingjing:AirQualitySensor;1":
                body.Append("{\"co2\":6").Append(x).Append("0,\"pm25\":1").Append(x).Append(".5,\"tvoc\":2").Append(x).Append("0}");
                break;
            default:
                body.Append("{\"power\":30.").Append(x).Append(",\"energy\":500").Append(x).Append(",\"phases\":{\"l1\":230.").Append(x).Append(",\"l2\":231,\"l3\":229.5}}");
                break;
        }
    }
}

public sealed record BenchDevice(string Id, string ModelId, string Token);
