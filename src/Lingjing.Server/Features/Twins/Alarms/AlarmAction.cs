namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>A transition decided by the <see cref="AlarmEngine"/>, recorded (and notified) by the <see cref="AlarmRecorder"/>.</summary>
public abstract record AlarmAction(Guid AlarmId, DateTime At);

public sealed record RaiseAlarm(Guid AlarmId, DateTime At, AlarmRule Rule, string TwinId, int ParkId, string ModelId, double? Value) : AlarmAction(AlarmId, At);

/// <summary>Clears the open alarm of the rule on the twin, whichever node raised it.</summary>
public sealed record ClearAlarm(Guid AlarmId, DateTime At, int RuleId, string TwinId) : AlarmAction(AlarmId, At);
