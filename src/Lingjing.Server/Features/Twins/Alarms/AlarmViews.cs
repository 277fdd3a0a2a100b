namespace Lingjing.Server.Features.Twins.Alarms;

public sealed record AlarmView(Guid Id, int RuleId, string RuleNameEn, string RuleNameZh, string TwinId, string State, string Severity,
    string MessageEn, string MessageZh, double? Value, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ClearedAt,
    int? ParkId = null, string? TwinNameEn = null, string? TwinNameZh = null);

/// <summary>What the alarm stream sends: <paramref name="Change"/> is raised, acknowledged or cleared.</summary>
public sealed record AlarmChange(string Change, AlarmView Alarm)
{
    public const string Raised = "raised";
    public const string Acknowledged = "acknowledged";
    public const string Cleared = "cleared";
}

public sealed record AlarmRuleView(int Id, int? ParkId, string? ModelId, string? TwinId, string Telemetry, string Kind, string Comparison,
    double Threshold, int WindowSeconds, string Severity, string NameEn, string NameZh, bool Enabled)
{
    public static AlarmRuleView From(AlarmRule r) => new(r.Id, r.ParkId, r.ModelId, r.TwinId, r.Telemetry, r.Kind, r.Comparison, r.Threshold, r.WindowSeconds, r.Severity, r.NameEn, r.NameZh, r.Enabled);
}

/// <summary>A rule as a park operator writes it (create and replace). For a model: modelId (its twins in my
/// park); for one twin: twinId. kind: threshold (the value above/below the threshold for at least
/// windowSeconds, 0 = at once) | rate (change per minute over windowSeconds) | nodata (silent for windowSeconds).</summary>
public sealed record AlarmRuleInput(string? ModelId, string? TwinId, string? Telemetry, string? Kind, string? Comparison, double? Threshold,
    int? WindowSeconds, string? Severity, string? NameEn, string? NameZh, bool? Enabled = null);
