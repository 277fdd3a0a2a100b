namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>A rule saved, or why not: field errors (400), or no such rule of the park (404).</summary>
public sealed record AlarmRuleOutcome(AlarmRuleView? Rule, FieldErrors? Errors = null)
{
    public static readonly AlarmRuleOutcome NotFound = new(Rule: null);

    public bool IsNotFound => Rule is null && Errors is null;
}
