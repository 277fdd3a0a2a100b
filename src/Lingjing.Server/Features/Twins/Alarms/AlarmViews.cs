namespace Lingjing.Server.Features.Twins.Alarms;

public sealed record AlarmView(Guid Id, int RuleId, string RuleNameEn, string RuleNameZh, string TwinId, string State, string Severity,
    string MessageEn, string MessageZh, double? Value, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ClearedAt);

public sealed record AlarmRuleView(int Id, int? ParkId, string? ModelId, string? TwinId, string Telemetry, string Kind, string Comparison,
    double Threshold, int WindowSeconds, string Severity, string NameEn, string NameZh, bool Enabled)
{
    public static AlarmRuleView From(AlarmRule r) => new(r.Id, r.ParkId, r.ModelId, r.TwinId, r.Telemetry, r.Kind, r.Comparison, r.Threshold, r.WindowSeconds, r.Severity, r.NameEn, r.NameZh, r.Enabled);
}

/// <summary>A new rule. For a model: modelId (applies to its twins in my park); for one twin: twinId.
/// kind: threshold | rate (per minute, over windowSeconds) | nodata (silent for windowSeconds).</summary>
public sealed record CreateAlarmRuleRequest(string? ModelId, string? TwinId, string? Telemetry, string Kind, string? Comparison, double? Threshold,
    int? WindowSeconds, string? Severity, string NameEn, string? NameZh);
