using System.Text.Json;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Simulation;

/// <summary>Demo mode's devices inside the server: every sensor and machine twin of the demo parks
/// becomes a device (its token is never shown; an operator can issue one), writes a backfill of
/// history on the first start, and then sends a reading every few seconds through the same ingest
/// path as real devices.</summary>
public sealed class DemoDevices(
    IServiceScopeFactory scopes,
    IngestService ingest,
    DeviceRegistry registry,
    IOptions<TelemetryOptions> telemetry,
    IOptions<LingjingOptions> lingjing,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DemoDevices> logger) : RecurringJob(time, logger)
{
    private const string BackfillKey = "demo.telemetry.backfilled";
    private List<SimulatedDevice>? devices;

    public bool Enabled => lingjing.Value.Demo && (telemetry.Value.DemoDevices ?? !environment.IsEnvironment("Testing"));

    public override string Name => "demo-devices";

    protected override TimeSpan Interval => Enabled ? TimeSpan.FromSeconds(Math.Max(1, telemetry.Value.DemoIntervalSeconds)) : TimeSpan.Zero;

    protected override bool RunsAtStart => true;

    /// <summary>The first run registers the devices and writes the backfill; every run sends one reading per device.</summary>
    protected override async Task RunAsync(CancellationToken ct)
    {
        if (devices is null)
        {
            var provisioned = await ProvisionAsync(ct);
            await BackfillAsync(provisioned, ct);
            devices = provisioned;
            logger.LogInformation("{Devices} demo devices send a reading every {Seconds} s", devices.Count, Interval.TotalSeconds);
            return;
        }
        var now = Time.GetUtcNow();
        foreach (var device in devices)
            await SendAsync(device, [(now, device.Sample(now, lingjing.Value.ZoneTimeZone, Interval.TotalSeconds))], ct);
    }

    private async Task<List<SimulatedDevice>> ProvisionAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var parks = telemetry.Value.DemoParks.Select(p => (int?)p).ToList();
        var twins = await db.Set<Twin>().AsNoTracking()
            .Where(t => parks.Contains(t.ParkId) && SimulatedDevice.Models.Contains(t.ModelId))
            .OrderBy(t => t.Id).ToListAsync(ct);
        var existing = await db.Set<Device>().AsNoTracking().Select(d => d.Id).ToListAsync(ct);
        var known = existing.ToHashSet();
        var now = Time.GetUtcNow().UtcDateTime;
        foreach (var twin in twins.Where(t => !known.Contains(t.Id)))
        {
            var device = new Device { Id = twin.Id, ParkId = twin.ParkId!.Value, ModelId = twin.ModelId, TokenHash = DeviceTokens.Hash(DeviceTokens.New()), CreatedAt = now, TokenIssuedAt = now };
            db.Add(device);
            registry.Set(new DeviceIdentity(device.Id, device.ParkId, device.ModelId), device.TokenHash);
        }
        await db.SaveChangesAsync(ct);
        return twins.Select(t => new SimulatedDevice(t.Id, t.ModelId, Scale(t), lingjing.Value.DemoSeed)).ToList();
    }

    private async Task BackfillAsync(List<SimulatedDevice> devices, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        if (await db.Set<SystemSetting>().AnyAsync(s => s.Key == BackfillKey, ct)) return;
        var hours = Math.Clamp(telemetry.Value.DemoBackfillHours, 0, 24 * (telemetry.Value.RawRetentionDays - 1));
        var now = Time.GetUtcNow();
        var start = now - TimeSpan.FromHours(hours);
        var step = TimeSpan.FromMinutes(5);
        foreach (var device in devices)
        {
            var readings = new List<(DateTimeOffset, IReadOnlyList<KeyValuePair<string, object>>)>();
            for (var at = start; at < now; at += step)
                readings.Add((at, device.Sample(at, lingjing.Value.ZoneTimeZone, step.TotalSeconds)));
            foreach (var chunk in readings.Chunk(200)) await SendAsync(device, chunk, ct);
        }
        db.Set<SystemSetting>().Add(new SystemSetting { Key = BackfillKey, Value = JsonSerializer.Serialize(new { devices = devices.Count, hours, at = now }) });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo devices wrote {Hours} h of history", hours);
    }

    private async Task SendAsync(SimulatedDevice device, IReadOnlyList<(DateTimeOffset At, IReadOnlyList<KeyValuePair<string, object>> Values)> readings, CancellationToken ct)
    {
        var identity = registry.Find(device.Id);
        if (identity is null) return;
        var body = JsonSerializer.SerializeToElement(readings.Select(r => new { ts = r.At.ToUnixTimeMilliseconds(), values = r.Values.ToDictionary(v => v.Key, v => v.Value) }));
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var outcome = await ingest.IngestAsync(identity, body, ct);
            if (outcome.Status != 503)
            {
                if (outcome.Status != 200) logger.LogWarning("Demo device {Device} was refused: {Problem}", device.Id, outcome.Problem);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private static double Scale(Twin twin)
    {
        using var properties = JsonDocument.Parse(twin.Properties);
        foreach (var name in new[] { "capacity", "idealRatePerMinute" })
            if (properties.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
                return value.GetDouble();
        return 40;
    }
}
