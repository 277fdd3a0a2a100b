using System.Globalization;
using Lingjing.Server.Features.Twins.Alarms;

namespace Lingjing.Server.Features.Twins.Pages;

/// <summary>The alarm rule editor's fields as typed. The duration is in minutes here (people think in
/// minutes), seconds in the API; the limit is text until it is read as a number.</summary>
public sealed class AlarmRuleForm
{
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    /// <summary>"model" (every device of a kind in the park) or "twin" (one device).</summary>
    public string? Scope { get; set; } = "model";
    public string? ModelId { get; set; }
    public string? TwinId { get; set; }
    public string? Kind { get; set; } = AlarmKinds.Threshold;
    public string? Telemetry { get; set; }
    public string? Comparison { get; set; } = AlarmComparisons.Above;
    public string? Threshold { get; set; }
    public string? DurationMinutes { get; set; } = "0";
    public string? Severity { get; set; } = AlarmSeverities.Warning;
    /// <summary>False unless the box was ticked: an unticked checkbox posts nothing.</summary>
    public bool Enabled { get; set; }

    public static AlarmRuleForm From(AlarmRuleView r) => new()
    {
        NameEn = r.NameEn, NameZh = r.NameZh, Scope = r.TwinId is null ? "model" : "twin", ModelId = r.ModelId, TwinId = r.TwinId,
        Kind = r.Kind, Telemetry = r.Telemetry, Comparison = r.Comparison,
        Threshold = r.Kind == AlarmKinds.NoData ? "" : r.Threshold.ToString("0.###", CultureInfo.InvariantCulture),
        DurationMinutes = (r.WindowSeconds / 60.0).ToString("0.##", CultureInfo.InvariantCulture), Severity = r.Severity, Enabled = r.Enabled,
    };

    /// <summary>The input for the service, and the fields that could not be read as numbers (keyed as the API keys them).</summary>
    public AlarmRuleInput ToInput(FieldErrors errors)
    {
        double? threshold = null;
        if (!string.IsNullOrWhiteSpace(Threshold))
        {
            if (Number(Threshold) is { } t) threshold = t;
            else errors.Add(AlarmRuleValidator.ThresholdField, "Enter the limit as a number.");
        }
        var window = 0;
        if (!string.IsNullOrWhiteSpace(DurationMinutes))
        {
            if (Number(DurationMinutes) is { } minutes && minutes >= 0 && minutes <= AlarmRuleValidator.MaxWindowSeconds / 60.0) window = (int)Math.Round(minutes * 60);
            else errors.Add(AlarmRuleValidator.WindowSecondsField, "Enter the duration in minutes, from 0 to 10,080 (7 days).");
        }
        var oneTwin = Scope == "twin";
        return new AlarmRuleInput(oneTwin ? null : ModelId, oneTwin ? TwinId : null, Telemetry, Kind, Comparison, threshold, window, Severity, NameEn, NameZh, Enabled);
    }

    // People type "26", "26.5" or, in Chinese input methods, a full-width "２６．５".
    private static double? Number(string text)
    {
        var normalized = text.Trim().Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "");
        return double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
    }
}
