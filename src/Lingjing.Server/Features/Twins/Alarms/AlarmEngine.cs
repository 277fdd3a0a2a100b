using System.Threading.Channels;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Ingest;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Evaluates the alarm rules: thresholds (at once, or held for a while) and rates of change on every committed reading,
/// no-data on a timer of the injected <see cref="TimeProvider"/>. Keeps which alarms are open in
/// memory and hands each raise and clear to the <see cref="AlarmRecorder"/>.</summary>
public sealed class AlarmEngine(SeriesRegistry series, DeviceRegistry devices, LatestValues latest, TimeProvider time) : ITelemetryObserver
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, AlarmRule> rules = [];
    private readonly Dictionary<int, AlarmRule[]> bySeries = [];
    private readonly Dictionary<(int Rule, string Twin), Guid> open = [];
    private readonly Dictionary<(int Rule, int Series), Queue<(long Ts, double Value)>> windows = [];
    // Since when a threshold rule's condition has held on a twin, while it must hold for a while before raising.
    private readonly Dictionary<(int Rule, string Twin), long> holding = [];
    private readonly Channel<AlarmAction> actions = Channel.CreateUnbounded<AlarmAction>(new UnboundedChannelOptions { SingleReader = true });
    private long startedAt = time.GetUtcNow().ToUnixTimeMilliseconds();

    internal ChannelReader<AlarmAction> Actions => actions.Reader;

    /// <summary>Replaces the rules and the open alarms (at start, and after rules change).</summary>
    public void Load(IEnumerable<AlarmRule> allRules, IEnumerable<(int RuleId, string TwinId, Guid AlarmId)> openAlarms)
    {
        lock (gate)
        {
            rules.Clear();
            foreach (var rule in allRules.Where(r => r.Enabled)) rules[rule.Id] = rule;
            bySeries.Clear();
            windows.Clear();
            holding.Clear();
            open.Clear();
            foreach (var (ruleId, twinId, alarmId) in openAlarms) open[(ruleId, twinId)] = alarmId;
            startedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        }
    }

    /// <summary>A rule was added or removed: forget what was derived from the old set.</summary>
    public void Reload(IEnumerable<AlarmRule> allRules)
    {
        lock (gate)
        {
            rules.Clear();
            foreach (var rule in allRules.Where(r => r.Enabled)) rules[rule.Id] = rule;
            bySeries.Clear();
            windows.Clear();
            holding.Clear();
            foreach (var key in open.Keys.Where(k => !rules.ContainsKey(k.Rule)).ToList()) open.Remove(key);
        }
    }

    /// <summary>Readings older than this raise nothing: a backlog a device uploads late (or the demo's
    /// history backfill) should not page operators about conditions long over.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>Threshold and rate rules over the readings just committed (the writer's loop).</summary>
    public void Committed(IReadOnlyList<IngestBatch> batches)
    {
        lock (gate)
        {
            if (rules.Count == 0) return;
            var oldest = (time.GetUtcNow() - StaleAfter).ToUnixTimeMilliseconds();
            foreach (var batch in batches)
            {
                var points = batch.Points;
                for (var i = 0; i < batch.Count; i++)
                {
                    if (points[i].Timestamp < oldest) continue;
                    var bound = Bound(points[i].SeriesId);
                    if (bound.Length == 0) continue;
                    foreach (var rule in bound) Evaluate(rule, points[i]);
                }
            }
        }
    }

    /// <summary>Raises no-data alarms for devices silent longer than their rule allows, clears the ones that spoke again.</summary>
    public void CheckNoData()
    {
        lock (gate)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var rule in rules.Values.Where(r => r.Kind == AlarmKinds.NoData))
            {
                foreach (var device in devices.All.Where(d => Applies(rule, d)))
                {
                    var seen = latest.LastSeen(device.Id) ?? startedAt;
                    var silent = now - seen;
                    Transition(rule, device, silent > rule.WindowSeconds * 1000L, silent / 1000.0);
                }
            }
        }
    }

    private void Evaluate(AlarmRule rule, in TelemetryPoint point)
    {
        var info = series.Find(point.SeriesId)!;
        var device = devices.Find(info.TwinId);
        if (device is null) return;
        if (rule.Kind == AlarmKinds.Threshold)
        {
            Transition(rule, device, Held(rule, device.Id, point.Timestamp, Crosses(rule, point.Value)), point.Value);
            return;
        }
        // Rate of change per minute against the oldest reading still inside the window.
        if (!windows.TryGetValue((rule.Id, point.SeriesId), out var window))
            windows[(rule.Id, point.SeriesId)] = window = new Queue<(long, double)>();
        window.Enqueue((point.Timestamp, point.Value));
        var oldest = point.Timestamp - rule.WindowSeconds * 1000L;
        while (window.Count > 1 && window.Peek().Ts < oldest) window.Dequeue();
        var first = window.Peek();
        if (point.Timestamp <= first.Ts) return;
        var rate = (point.Value - first.Value) / ((point.Timestamp - first.Ts) / 60_000.0);
        Transition(rule, device, Crosses(rule, rate), rate);
    }

    /// <summary>Whether the condition has now held for the rule's duration (at once when it has none). A reading
    /// on the right side of the limit starts the wait over.</summary>
    private bool Held(AlarmRule rule, string twinId, long timestamp, bool crosses)
    {
        var key = (rule.Id, twinId);
        if (!crosses)
        {
            holding.Remove(key);
            return false;
        }
        if (rule.WindowSeconds <= 0 || open.ContainsKey(key)) return true;
        if (!holding.TryGetValue(key, out var since)) holding[key] = since = timestamp;
        return timestamp - since >= rule.WindowSeconds * 1000L;
    }

    private static bool Crosses(AlarmRule rule, double value) =>
        rule.Comparison == AlarmComparisons.Below ? value < rule.Threshold : value > rule.Threshold;

    private void Transition(AlarmRule rule, DeviceIdentity device, bool condition, double value)
    {
        var key = (rule.Id, device.Id);
        if (condition && !open.ContainsKey(key))
        {
            var id = Guid.NewGuid();
            open[key] = id;
            holding.Remove(key);
            actions.Writer.TryWrite(new RaiseAlarm(id, time.GetUtcNow().UtcDateTime, rule, device.Id, device.ParkId, device.ModelId, value));
        }
        else if (!condition && open.Remove(key, out var id))
        {
            actions.Writer.TryWrite(new ClearAlarm(id, time.GetUtcNow().UtcDateTime, rule.Id, device.Id));
        }
    }

    private AlarmRule[] Bound(int seriesId)
    {
        if (bySeries.TryGetValue(seriesId, out var bound)) return bound;
        var info = series.Find(seriesId);
        var device = info is null ? null : devices.Find(info.TwinId);
        bound = info is null || device is null
            ? []
            : rules.Values.Where(r => r.Kind != AlarmKinds.NoData && r.Telemetry == info.Name && Applies(r, device)).ToArray();
        bySeries[seriesId] = bound;
        return bound;
    }

    private static bool Applies(AlarmRule rule, DeviceIdentity device) =>
        rule.TwinId is { } twin
            ? twin == device.Id
            : rule.ModelId == device.ModelId && (rule.ParkId is null || rule.ParkId == device.ParkId);
}
