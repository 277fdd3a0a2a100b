namespace Lingjing.Server.Features.Twins.Pages;

/// <summary>The words and colours of alarm states and severities on the pages (English keys of the localizer).</summary>
public static class AlarmLabels
{
    public static readonly IReadOnlyList<(string Value, string Label)> States =
        [("open", "Open"), ("active", "Active"), ("acknowledged", "Acknowledged"), ("cleared", "Cleared"), ("all", "All")];

    public static readonly IReadOnlyList<(string Value, string Label)> Severities =
        [("info", "Information"), ("warning", "Warning"), ("critical", "Critical")];

    public static string State(string state) => States.FirstOrDefault(s => s.Value == state).Label ?? state;

    public static string Severity(string severity) => Severities.FirstOrDefault(s => s.Value == severity).Label ?? severity;

    public static string SeverityBadge(string severity) => severity switch
    {
        "critical" => "text-bg-danger",
        "warning" => "text-bg-warning",
        _ => "text-bg-info",
    };

    public static string Pick(string? state) => States.Any(s => s.Value == state) ? state! : "open";
}
