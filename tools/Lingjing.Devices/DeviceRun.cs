using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lingjing.Bench.Shared;
using Lingjing.Server.Features.Twins.Simulation;

namespace Lingjing.Devices;

/// <summary>Runs the devices: each takes a reading every 1/rate seconds of simulated daily patterns
/// and sends every batch over HTTP (retrying after a 503's Retry-After) or MQTT QoS 1.</summary>
public sealed class DeviceRun(DeviceOptions options, HttpClient http)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private long readings, messages, busy, failed;
    private readonly List<double> latencies = [];
    private readonly Lock latencyGate = new();

    public long Readings => Interlocked.Read(ref readings);

    public async Task<RunSummary> RunAsync(IReadOnlyList<Provisioner.ProvisionedDevice> devices, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(options.DurationSeconds));
        var clock = Stopwatch.StartNew();
        var progress = Task.Run(async () =>
        {
            var last = 0L;
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(5000, stop.Token); } catch (OperationCanceledException) { break; }
                var now = Readings;
                Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:0}s  {now,10:N0} readings  {(now - last) / 5.0,10:N0}/s  busy {Interlocked.Read(ref busy):N0}  failed {Interlocked.Read(ref failed):N0}");
                last = now;
            }
        }, CancellationToken.None);
        await Task.WhenAll(devices.Select((d, i) => RunDeviceAsync(d, i, stop.Token)));
        await progress;
        double[] sorted;
        lock (latencyGate) sorted = [.. latencies.Order()];
        return new RunSummary(devices.Count, clock.Elapsed.TotalSeconds, Readings, Interlocked.Read(ref messages), Interlocked.Read(ref busy), Interlocked.Read(ref failed),
            Percentile(sorted, 0.5), Percentile(sorted, 0.99), options.Mqtt is null ? "http" : "mqtt");
    }

    private async Task RunDeviceAsync(Provisioner.ProvisionedDevice device, int index, CancellationToken ct)
    {
        var simulated = new SimulatedDevice(device.Id, device.ModelId, device.Scale, 20261124);
        var interval = TimeSpan.FromSeconds(1 / options.Rate);
        MqttPublisher? mqtt = null;
        try
        {
            if (options.Mqtt is { } address)
            {
                mqtt = new MqttPublisher();
                var parts = address.Split(':');
                await mqtt.ConnectAsync(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), device.Id, device.Id, device.Token, ct);
            }
            // Spread the devices' first readings over one interval.
            await Task.Delay(TimeSpan.FromTicks(interval.Ticks * index / Math.Max(1, options.Devices)), ct);
            var batch = new List<object>(options.Batch);
            var next = Stopwatch.GetTimestamp();
            while (!ct.IsCancellationRequested)
            {
                var at = DateTimeOffset.UtcNow;
                batch.Add(new { ts = at.ToUnixTimeMilliseconds(), values = simulated.Sample(at, Zone, interval.TotalSeconds).ToDictionary(v => v.Key, v => v.Value) });
                if (batch.Count >= options.Batch)
                {
                    var body = JsonSerializer.SerializeToUtf8Bytes(batch.Count == 1 ? batch[0] : batch);
                    var count = batch.Count;
                    batch.Clear();
                    if (await SendAsync(device, mqtt, body, ct)) Interlocked.Add(ref readings, count);
                }
                next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            Interlocked.Increment(ref failed);
            Console.Error.WriteLine($"{device.Id}: {e.Message}");
        }
        finally
        {
            if (mqtt is not null) await mqtt.DisposeAsync();
        }
    }

    private async Task<bool> SendAsync(Provisioner.ProvisionedDevice device, MqttPublisher? mqtt, byte[] body, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (mqtt is not null)
        {
            await mqtt.PublishAsync($"telemetry/{device.Id}", body, ct);
        }
        else
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device.Id}/telemetry") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Device", device.Token);
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
                    Console.Error.WriteLine($"{device.Id}: {(int)response.StatusCode} {Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(ct))}");
                    return false;
                }
                break;
            }
        }
        Interlocked.Increment(ref messages);
        lock (latencyGate) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

public sealed record RunSummary(int Devices, double Seconds, long Readings, long Messages, long Busy, long Failed, double LatencyP50Ms, double LatencyP99Ms, string Transport)
{
    public double ReadingsPerSecond => Readings / Seconds;
}
