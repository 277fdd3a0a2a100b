using System.Collections.Concurrent;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>The newest reading of every series (numeric) and of every string telemetry, in memory;
/// <see cref="TelemetryMaintenance"/> writes the numeric ones to telemetry_series every few seconds
/// and they are read back at start.</summary>
public sealed class LatestValues
{
    private readonly ConcurrentDictionary<int, Latest> numeric = new();
    private readonly ConcurrentDictionary<(string Twin, string Name), (long Timestamp, string Value)> text = new();
    private readonly ConcurrentDictionary<int, byte> changed = new();
    private readonly ConcurrentDictionary<string, long> lastSeen = new(StringComparer.Ordinal);

    public readonly record struct Latest(long Timestamp, double Value);

    public void Update(in TelemetryPoint point)
    {
        if (numeric.TryGetValue(point.SeriesId, out var current) && current.Timestamp > point.Timestamp) return;
        numeric[point.SeriesId] = new Latest(point.Timestamp, point.Value);
        changed.TryAdd(point.SeriesId, 0);
    }

    public void Restore(int seriesId, long timestamp, double value) => numeric.TryAdd(seriesId, new Latest(timestamp, value));

    public void UpdateText(string twinId, string name, long timestamp, string value) => text[(twinId, name)] = (timestamp, value);

    public void Seen(string twinId, long timestamp) => lastSeen.AddOrUpdate(twinId, timestamp, (_, old) => Math.Max(old, timestamp));

    public long? LastSeen(string twinId) => lastSeen.TryGetValue(twinId, out var at) ? at : null;

    public Latest? Of(int seriesId) => numeric.TryGetValue(seriesId, out var latest) ? latest : null;

    public (long Timestamp, string Value)? TextOf(string twinId, string name) => text.TryGetValue((twinId, name), out var v) ? v : null;

    /// <summary>Series changed since the last call, with their newest values.</summary>
    public List<(int SeriesId, Latest Value)> TakeChanged()
    {
        var list = new List<(int, Latest)>();
        foreach (var id in changed.Keys)
        {
            changed.TryRemove(id, out _);
            if (numeric.TryGetValue(id, out var latest)) list.Add((id, latest));
        }
        return list;
    }
}
