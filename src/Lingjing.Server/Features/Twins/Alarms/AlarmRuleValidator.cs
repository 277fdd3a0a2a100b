using System.Globalization;
using Lingjing.Server.Features.Terminals;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Checks a park operator's alarm rule. Errors are keyed by the JSON field (modelId, threshold, ...)
/// and worded for a person in the request's language: what to do, never the field's name.</summary>
public sealed class AlarmRuleValidator(LingjingDbContext db, TwinModelCatalog models, IStringLocalizer<AlarmRuleValidator> L)
{
    public const int MaxNameLength = 200;
    public const int MaxWindowSeconds = 7 * 86_400;
    public const int MinTimedWindowSeconds = 10;

    /// <summary>Field keys and what a person calls them, for the problem's detail.</summary>
    public static readonly IReadOnlyDictionary<string, string> DisplayNames = new Dictionary<string, string>
    {
        ["nameEn"] = "Name (English)", ["nameZh"] = "Name (Chinese)", ["modelId"] = "Kind of device", ["twinId"] = "Device",
        ["kind"] = "Watch for", ["telemetry"] = "Reading", ["comparison"] = "Above or below", ["threshold"] = "Limit",
        ["windowSeconds"] = "Duration", ["severity"] = "Severity",
    };

    public sealed record Checked(string? ModelId, string? TwinId, string Telemetry, string Kind, string Comparison, double Threshold,
        int WindowSeconds, string Severity, string NameEn, string NameZh);

    public async Task<(Checked? Rule, FieldErrors Errors)> CheckAsync(AlarmRuleInput input, int parkId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("nameEn", input.NameEn, MaxNameLength);
        errors.MaxLength("nameZh", input.NameZh, MaxNameLength);
        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !AlarmKinds.All.Contains(kind)) errors.Add("kind", L["Choose what to watch for: a value past a limit, a fast change, or silence."]);
        var comparison = input.Comparison?.Trim().ToLowerInvariant() ?? AlarmComparisons.Above;
        if (!AlarmComparisons.All.Contains(comparison)) errors.Add("comparison", L["Choose above or below."]);
        var severity = input.Severity?.Trim().ToLowerInvariant() ?? AlarmSeverities.Warning;
        if (!AlarmSeverities.All.Contains(severity)) errors.Add("severity", L["Choose a severity: information, warning or critical."]);

        var twinId = Blank(input.TwinId);
        var modelId = Blank(input.ModelId);
        DtdlInterface? model = null;
        if (twinId is not null)
        {
            // A rule for one device also records its model (so it reads in words); a model given with it must be that one.
            var twin = await db.Set<Twin>().AsNoTracking().Where(t => t.Id == twinId && t.ParkId == parkId).Select(t => t.ModelId).FirstOrDefaultAsync(ct);
            if (twin is null) errors.Add("twinId", L["Your park has no device with this id."]);
            else if (modelId is not null && modelId != twin) errors.Add("twinId", L["Choose either a kind of device or one device, not both."]);
            else if ((model = models.Find(twin)) is null || !model.Telemetry.Any()) errors.Add("twinId", L["This device sends no readings to watch."]);
        }
        else if (modelId is not null)
        {
            model = models.Find(modelId);
            if (model is null || !model.Telemetry.Any()) errors.Add("modelId", L["Choose a kind of device that sends readings."]);
        }
        else errors.Add("modelId", L["Choose which devices the rule watches: a kind of device, or one device."]);

        var telemetry = Blank(input.Telemetry) ?? "";
        if (kind is AlarmKinds.Threshold or AlarmKinds.Rate)
        {
            if (model is not null && !Declared(model).Contains(telemetry))
                errors.Add("telemetry", telemetry.Length == 0
                    ? L["Choose the reading to watch."]
                    : L["{0} devices do not send this reading. Choose one of: {1}.", Pick(model.DisplayNameZh, model.DisplayName),
                        string.Join(Zh ? "、" : ", ", Declared(model).Select(t => Label(model, t)))]);
            if (input.Threshold is not { } limit || !double.IsFinite(limit)) errors.Add("threshold", L["Enter the limit as a number."]);
            else if (Math.Abs(limit) > 1e12) errors.Add("threshold", L["The limit is too large."]);
        }
        var window = input.WindowSeconds ?? 0;
        if (kind == AlarmKinds.Threshold && (window < 0 || window > MaxWindowSeconds))
            errors.Add("windowSeconds", L["The duration is from 0 (at once) to 7 days."]);
        else if (kind is AlarmKinds.Rate or AlarmKinds.NoData && (window < MinTimedWindowSeconds || window > MaxWindowSeconds))
            errors.Add("windowSeconds", L["The duration is from 10 seconds to 7 days."]);

        if (!errors.IsEmpty) return (null, errors);
        var nameEn = input.NameEn!.Trim();
        return (new Checked(model!.Id, twinId, kind == AlarmKinds.NoData ? "" : telemetry, kind!, comparison,
            kind == AlarmKinds.NoData ? 0 : input.Threshold!.Value, window, severity, nameEn,
            string.IsNullOrWhiteSpace(input.NameZh) ? nameEn : input.NameZh.Trim()), errors);
    }

    public string Title => L["The alarm rule is not valid"];

    /// <summary>Every message in the request's language (the shared checks word theirs in English).</summary>
    public Dictionary<string, string[]> Localized(FieldErrors errors) =>
        errors.ToDictionary().ToDictionary(p => p.Key, p => p.Value.Select(m => L[m].Value).ToArray());

    /// <summary>"Check these fields: Limit, Duration." in the request's language.</summary>
    public string Summary(FieldErrors errors) =>
        L["Check these fields: {0}.", string.Join(Zh ? "、" : ", ", DisplayNames.Where(d => errors.Has(d.Key)).Select(d => L[d.Value].Value))];

    /// <summary>Telemetry names a rule may watch: numbers and enums, and the fields of objects ("phases.l1").</summary>
    public static IReadOnlyList<string> Declared(DtdlInterface model) =>
        model.Telemetry.Where(t => t.Schema is not ObjectSchema).Select(t => t.Name)
            .Concat(model.Telemetry.Where(t => t.Schema is ObjectSchema).SelectMany(t => ((ObjectSchema)t.Schema).Fields.Select(f => $"{t.Name}.{f.Name}")))
            .ToList();

    private static string Label(DtdlInterface model, string telemetry)
    {
        var (en, zh) = AlarmWording.Labels(AlarmWording.Telemetry(model, telemetry), telemetry);
        return Pick(zh, en);
    }

    private static bool Zh => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    private static string Pick(string zh, string en) => Zh ? zh : en;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
