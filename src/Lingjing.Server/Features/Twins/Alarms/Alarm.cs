namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>One occurrence of a rule on a twin: active, then acknowledged by an operator, and
/// cleared when the condition is over.</summary>
public sealed class Alarm
{
    public Guid Id { get; set; }
    public int RuleId { get; set; }
    public required string TwinId { get; set; }
    public int? ParkId { get; set; }
    public string State { get; set; } = AlarmStates.Active;
    public required string Severity { get; set; }
    public required string MessageEn { get; set; }
    public required string MessageZh { get; set; }
    public double? Value { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedBy { get; set; }
    public DateTime? ClearedAt { get; set; }
}

public static class AlarmStates
{
    public const string Active = "active";
    public const string Acknowledged = "acknowledged";
    public const string Cleared = "cleared";
}
