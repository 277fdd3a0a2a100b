using System.Globalization;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Checks a park operator's alarm rule. Errors are keyed by the JSON field (modelId, threshold, ...)
/// and worded for a person in the request's language: what to do, never the field's name.</summary>
public sealed class AlarmRuleValidator(LingjingDbContext db, TwinModelCatalog models)
{
    public const int MaxNameLength = 200;
    public const int MaxWindowSeconds = 7 * 86_400;
    public const int MinTimedWindowSeconds = 10;

    public static readonly Field NameEnField = new("nameEn", "Name (English)");
    public static readonly Field NameZhField = new("nameZh", "Name (Chinese)");
    public static readonly Field ModelIdField = new("modelId", "Kind of device");
    public static readonly Field TwinIdField = new("twinId", "Device");
    public static readonly Field KindField = new("kind", "Watch for");
    public static readonly Field TelemetryField = new("telemetry", "Reading");
    public static readonly Field ComparisonField = new("comparison", "Above or below");
    public static readonly Field ThresholdField = new("threshold", "Limit");
    public static readonly Field WindowSecondsField = new("windowSeconds", "Duration");
    public static readonly Field SeverityField = new("severity", "Severity");

    public sealed record Checked(string? ModelId, string? TwinId, string Telemetry, string Kind, string Comparison, double Threshold,
        int WindowSeconds, string Severity, string NameEn, string NameZh);

    public async Task<(Checked? Rule, FieldErrors Errors)> CheckAsync(AlarmRuleInput input, int parkId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required(NameEnField, input.NameEn, MaxNameLength);
        errors.MaxLength(NameZhField, input.NameZh, MaxNameLength);
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !AlarmKinds.All.Contains(kind)) errors.Add(KindField, "Choose what to watch for: a value past a limit, a fast change, or silence.");
        var comparison = input.Comparison?.Trim().ToLowerInvariant() ?? AlarmComparisons.Above;
        if (!AlarmComparisons.All.Contains(comparison)) errors.Add(ComparisonField, "Choose above or below.");
        var severity = input.Severity?.Trim().ToLowerInvariant() ?? AlarmSeverities.Warning;
        if (!AlarmSeverities.All.Contains(severity)) errors.Add(SeverityField, "Choose a severity: information, warning or critical.");

        var twinId = Blank(input.TwinId);
        var modelId = Blank(input.ModelId);
        DtdlInterface? model = null;
        if (twinId is not null)
        {
            // A rule for one device also records its model (so it reads in words); a model given with it must be that one.
            var twin = await db.Set<Twin>().AsNoTracking().Where(t => t.Id == twinId && t.ParkId == parkId).Select(t => t.ModelId).FirstOrDefaultAsync(ct);
            if (twin is null) errors.Add(TwinIdField, "Your park has no device with this id.");
            else if (modelId is not null && modelId != twin) errors.Add(TwinIdField, "Choose either a kind of device or one device, not both.");
            else if ((model = models.Find(twin)) is null || !model.Telemetry.Any()) errors.Add(TwinIdField, "This device sends no readings to watch.");
        }
        else if (modelId is not null)
        {
            model = models.Find(modelId);
            if (model is null || !model.Telemetry.Any()) errors.Add(ModelIdField, "Choose a kind of device that sends readings.");
        }
        else errors.Add(ModelIdField, "Choose which devices the rule watches: a kind of device, or one device.");

        var telemetry = Blank(input.Telemetry) ?? "";
        if (kind is AlarmKinds.Threshold or AlarmKinds.Rate)
        {
            if (model is not null && !Declared(model).Contains(telemetry))
            {
                if (telemetry.Length == 0) errors.Add(TelemetryField, "Choose the reading to watch.");
                else errors.Add(TelemetryField, "{0} devices do not send this reading. Choose one of: {1}.",
                    new Phrase.InBothLanguages(model.DisplayName, model.DisplayNameZh),
                    new Phrase.InBothLanguages(string.Join(", ", Declared(model).Select(t => Label(model, t).En)), string.Join("、", Declared(model).Select(t => Label(model, t).Zh))));
            }
            if (input.Threshold is not { } limit || !double.IsFinite(limit)) errors.Add(ThresholdField, "Enter the limit as a number.");
            else if (Math.Abs(limit) > 1e12) errors.Add(ThresholdField, "The limit is too large.");
        }
        var window = input.WindowSeconds ?? 0;
        if (kind == AlarmKinds.Threshold && (window < 0 || window > MaxWindowSeconds))
            errors.Add(WindowSecondsField, "The duration is from 0 (at once) to 7 days.");
        else if (kind is AlarmKinds.Rate or AlarmKinds.NoData && (window < MinTimedWindowSeconds || window > MaxWindowSeconds))
            errors.Add(WindowSecondsField, "The duration is from 10 seconds to 7 days.");

        if (!errors.IsEmpty) return (null, errors);
        var nameEn = input.NameEn!.Trim();
        return (new Checked(model!.Id, twinId, kind == AlarmKinds.NoData ? "" : telemetry, kind!, comparison,
            kind == AlarmKinds.NoData ? 0 : input.Threshold!.Value, window, severity, nameEn,
            string.IsNullOrWhiteSpace(input.NameZh) ? nameEn : input.NameZh.Trim()), errors);
    }

    public const string Title = "The alarm rule is not valid";

    /// <summary>Telemetry names a rule may watch: numbers and enums, and the fields of objects ("phases.l1").</summary>
    public static IReadOnlyList<string> Declared(DtdlInterface model) =>
        model.Telemetry.Where(t => t.Schema is not ObjectSchema).Select(t => t.Name)
            .Concat(model.Telemetry.Where(t => t.Schema is ObjectSchema).SelectMany(t => ((ObjectSchema)t.Schema).Fields.Select(f => $"{t.Name}.{f.Name}")))
            .ToList();

    private static (string En, string Zh) Label(DtdlInterface model, string telemetry) =>
        AlarmWording.Labels(AlarmWording.Telemetry(model, telemetry), telemetry);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
