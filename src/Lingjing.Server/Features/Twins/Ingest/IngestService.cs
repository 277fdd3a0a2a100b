using System.Diagnostics;
using System.Text.Json;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Models;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Checks a device's readings against its model, turns them into points, queues them and
/// waits until they are durable. Shared by HTTP ingest, the MQTT consumer and the demo devices.
/// A reading: <c>{"ts": ISO 8601 or Unix ms (optional, default now), "values": {"name": value, ...}}</c>;
/// a batch: a JSON array of readings.</summary>
public sealed partial class IngestService(
    TelemetryQueue queue,
    SeriesRegistry series,
    LatestValues latest,
    TwinModelCatalog models,
    TimeProvider time,
    IOptions<TelemetryOptions> options)
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public async Task<IngestOutcome> IngestAsync(DeviceIdentity device, JsonElement body, CancellationToken ct)
    {
        var received = Stopwatch.GetTimestamp();
        var model = models.Find(device.ModelId);
        if (model is null) return IngestOutcome.Bad($"The device's model {device.ModelId} is no longer known.");
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var oldest = (now - TimeSpan.FromDays(options.Value.RawRetentionDays)).ToUnixTimeMilliseconds();
        var newest = (now + FutureTolerance).ToUnixTimeMilliseconds();
        var max = options.Value.MaxPointsPerRequest;

        var single = body.ValueKind == JsonValueKind.Object;
        if (!single && body.ValueKind != JsonValueKind.Array)
            return IngestOutcome.Bad("The body must be a reading {\"ts\": ..., \"values\": {...}} or an array of readings.");
        var readings = single ? 1 : body.GetArrayLength();
        if (readings == 0) return IngestOutcome.Bad("The batch holds no reading.");

        var buffer = new PointBuffer(single ? 8 : readings * 4);
        var texts = new List<(string Name, long Ts, string Value)>();
        var seriesIds = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var index = 0;
            foreach (var reading in single ? (IEnumerable<JsonElement>)[body] : body.EnumerateArray())
            {
                var where = single ? "" : $"reading {index}: ";
                index++;
                if (reading.ValueKind != JsonValueKind.Object) return IngestOutcome.Bad($"{where}a reading must be a JSON object.");
                long ts = nowMs;
                JsonElement values = default;
                foreach (var property in reading.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "ts":
                            if (ParseTimestamp(property.Value) is not { } parsed)
                                return IngestOutcome.Bad($"{where}'ts' must be an ISO 8601 instant with an offset or Unix milliseconds.");
                            ts = parsed;
                            break;
                        case "values":
                            values = property.Value;
                            break;
                        default:
                            return IngestOutcome.Bad($"{where}'{property.Name}' is not part of a reading; put telemetry inside \"values\".");
                    }
                }
                if (values.ValueKind != JsonValueKind.Object) return IngestOutcome.Bad($"{where}'values' must be an object of telemetry names and values.");
                if (ts < oldest) return IngestOutcome.Bad($"{where}'ts' is older than the raw retention ({options.Value.RawRetentionDays} days).");
                if (ts > newest) return IngestOutcome.Bad($"{where}'ts' is more than 5 minutes in the future.");
                foreach (var value in values.EnumerateObject())
                {
                    var telemetry = Resolve(model, value.Name);
                    if (telemetry is null)
                        return IngestOutcome.Bad($"{where}telemetry '{value.Name}' is not declared by {model.Id} (its telemetry: {string.Join(", ", TelemetryNames(model))}).");
                    if (telemetry.Schema.Check(value.Value) is { } problem)
                        return IngestOutcome.Bad($"{where}telemetry '{value.Name}': {problem}.");
                    if (telemetry.Schema.Numeric(value.Value) is { } number)
                    {
                        buffer.Add(new TelemetryPoint(await SeriesAsync(value.Name), ts, number));
                    }
                    else if (telemetry.Schema is ObjectSchema obj)
                    {
                        foreach (var field in value.Value.EnumerateObject())
                            if (obj.Fields.First(f => f.Name == field.Name).Schema.Numeric(field.Value) is { } n)
                                buffer.Add(new TelemetryPoint(await SeriesAsync($"{value.Name}.{field.Name}"), ts, n));
                    }
                    else
                    {
                        texts.Add((value.Name, ts, value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText()));
                    }
                    if (buffer.Count > max) return IngestOutcome.Bad($"A request may carry at most {max} values.");
                }
            }
        }
        catch
        {
            buffer.Return();
            throw;
        }

        if (buffer.Count == 0 && texts.Count == 0)
        {
            buffer.Return();
            return IngestOutcome.Bad("The readings hold no values.");
        }
        var batch = new IngestBatch(buffer.Items, buffer.Count, received);
        if (!queue.TryEnqueue(batch))
        {
            buffer.Return();
            return IngestOutcome.Busy($"The telemetry queue is full ({queue.Capacity} values); retry after a second.");
        }
        try
        {
            // Not cancelled with the request: once queued the readings are written, and a retry would duplicate them.
            await batch.Durable;
        }
        catch (Exception)
        {
            return IngestOutcome.Busy("The readings could not be stored just now; retry.");
        }
        foreach (var (name, ts, value) in texts) latest.UpdateText(device.Id, name, ts, value);
        latest.Seen(device.Id, time.GetUtcNow().ToUnixTimeMilliseconds());
        return IngestOutcome.Accepted(batch.Count + texts.Count);

        async ValueTask<int> SeriesAsync(string name)
        {
            if (seriesIds.TryGetValue(name, out var id)) return id;
            id = (await series.GetOrCreateAsync(device.Id, name, ct)).Id;
            seriesIds[name] = id;
            return id;
        }
    }

    /// <summary>A telemetry of the model, or of one of its components as "component.telemetry".</summary>
    private DtdlTelemetry? Resolve(DtdlInterface model, string name)
    {
        if (model.FindTelemetry(name) is { } own) return own;
        var dot = name.IndexOf('.');
        if (dot <= 0) return null;
        var component = model.Components.FirstOrDefault(c => c.Name == name[..dot]);
        return component is null ? null : models.Find(component.Schema)?.FindTelemetry(name[(dot + 1)..]);
    }

    private IEnumerable<string> TelemetryNames(DtdlInterface model) =>
        model.Telemetry.Select(t => t.Name).Concat(model.Components.SelectMany(c =>
            models.Find(c.Schema)?.Telemetry.Select(t => $"{c.Name}.{t.Name}") ?? []));

    [System.Text.RegularExpressions.GeneratedRegex(@"(Z|z|[+-]\d\d:?\d\d)$")]
    private static partial System.Text.RegularExpressions.Regex OffsetPattern();

    private static long? ParseTimestamp(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms)) return ms;
        // An instant needs its offset: a local time without one would be read in the server's zone.
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at) && OffsetPattern().IsMatch(value.GetString()!))
            return at.ToUnixTimeMilliseconds();
        return null;
    }
}
