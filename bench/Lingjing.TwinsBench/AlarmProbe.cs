using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lingjing.TwinsBench;

/// <summary>Alarm latency under load: a device of its own with a twin rule "temperature above 100";
/// sends 150 and polls the alarm list until the alarm is there, then 20 and polls until it is gone.
/// Latency: the alarm's raisedAt (stamped by the server when it raised it) minus the moment the
/// probe sent the reading, on the same machine's clock; also the time until the API showed it.</summary>
public sealed class AlarmProbe(HttpClient operatorClient, HttpClient deviceClient, BenchDevice device)
{
    public List<double> RaisedMs { get; } = [];
    public List<double> VisibleMs { get; } = [];

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var sent = DateTimeOffset.UtcNow;
                var clock = Stopwatch.StartNew();
                await SendAsync(150, ct);
                var raised = await WaitAsync(present: true, ct);
                if (raised is null) continue;
                VisibleMs.Add(clock.Elapsed.TotalMilliseconds);
                RaisedMs.Add((raised.Value - sent).TotalMilliseconds);
                await SendAsync(20, ct);
                await WaitAsync(present: false, ct);
                await Task.Delay(200, ct);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task SendAsync(double temperature, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device.Id}/telemetry")
        {
            Content = new StringContent($"{{\"values\":{{\"temperature\":{temperature}}}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Device", device.Token);
        (await deviceClient.SendAsync(request, ct)).EnsureSuccessStatusCode();
    }

    private async Task<DateTimeOffset?> WaitAsync(bool present, CancellationToken ct)
    {
        for (var i = 0; i < 2000 && !ct.IsCancellationRequested; i++)
        {
            var alarms = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/alarms?state=open", ct);
            var mine = alarms.EnumerateArray().Where(a => a.GetProperty("twinId").GetString() == device.Id).ToList();
            if (present && mine.Count > 0) return mine[0].GetProperty("raisedAt").GetDateTimeOffset();
            if (!present && mine.Count == 0) return DateTimeOffset.UtcNow;
            await Task.Delay(5, ct);
        }
        return null;
    }
}
