using System.Globalization;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Localization;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>What an alarm says, in English and Chinese, the way an operator would say it: the telemetry's
/// display name from its model, values with their units, the limit, and how long it lasted
/// ("Temperature 28.4 °C, above the 26 °C limit for 5 min"). Never a field name or rule syntax.</summary>
public sealed class AlarmWording(TwinModelCatalog models)
{
    public sealed record Message(string En, string Zh);

    /// <param name="modelId">The model of the twin that raised it (a rule for one twin names no model).</param>
    /// <param name="value">Threshold: the reading; rate: the change per minute; no data: seconds of silence.</param>
    public Message Raised(AlarmRule rule, string? modelId, double? value)
    {
        if (rule.Kind == AlarmKinds.NoData)
        {
            var silent = value is { } s ? (int)Math.Round(s) : rule.WindowSeconds;
            return new($"No readings for {Duration(silent, zh: false)} (allowed: {Duration(rule.WindowSeconds, zh: false)})",
                $"已 {Duration(silent, zh: true)}没有读数（允许 {Duration(rule.WindowSeconds, zh: true)}）");
        }
        var telemetry = Telemetry(models.Find(modelId ?? rule.ModelId), rule.Telemetry);
        var (labelEn, labelZh) = Labels(telemetry, rule.Telemetry);
        var unit = telemetry?.Unit;
        var above = rule.Comparison != AlarmComparisons.Below;
        var limit = DtdlUnits.WithUnit(Number(rule.Threshold), unit);
        if (rule.Kind == AlarmKinds.Rate)
        {
            var change = value is { } r ? DtdlUnits.WithUnit((r > 0 ? "+" : "") + Number(r), unit) : "?";
            var over = rule.WindowSeconds > 0 ? rule.WindowSeconds : 60;
            return new(
                $"{labelEn} changing {change} per minute over {Duration(over, zh: false)}, {(above ? "above" : "below")} the {limit} per minute limit",
                $"{labelZh}在 {Duration(over, zh: true)}内每分钟变化 {change}，{(above ? "高于每分钟 " + limit + " 上限" : "低于每分钟 " + limit + " 下限")}");
        }
        var lasting = rule.WindowSeconds > 0;
        if (telemetry?.Schema is EnumSchema states && value is { } v && StateName(states, v) is { } state)
        {
            var stateZh = JsonStringLocalizer.TableFor("zh-Hans")?.GetValueOrDefault(state) ?? state;
            return new($"{labelEn}: {state}" + (lasting ? $" for {Duration(rule.WindowSeconds, zh: false)}" : ""),
                $"{labelZh}：{stateZh}" + (lasting ? $"，已持续 {Duration(rule.WindowSeconds, zh: true)}" : ""));
        }
        var reading = value is { } x ? DtdlUnits.WithUnit(Number(x), unit) : "?";
        return new(
            $"{labelEn} {reading}, {(above ? "above" : "below")} the {limit} limit" + (lasting ? $" for {Duration(rule.WindowSeconds, zh: false)}" : ""),
            $"{labelZh} {reading}，{(above ? "高于" : "低于")} {limit} {(above ? "上限" : "下限")}" + (lasting ? $"，已持续 {Duration(rule.WindowSeconds, zh: true)}" : ""));
    }

    /// <summary>What a rule watches, in words: "Temperature above 26 °C for 5 min" / "温度高于 26 °C，持续 5 分钟".</summary>
    public Message Describe(AlarmRule rule, string? modelId)
    {
        if (rule.Kind == AlarmKinds.NoData)
            return new($"No readings for {Duration(rule.WindowSeconds, zh: false)}", $"{Duration(rule.WindowSeconds, zh: true)}没有读数");
        var telemetry = Telemetry(models.Find(modelId ?? rule.ModelId), rule.Telemetry);
        var (labelEn, labelZh) = Labels(telemetry, rule.Telemetry);
        var limit = DtdlUnits.WithUnit(Number(rule.Threshold), telemetry?.Unit);
        var above = rule.Comparison != AlarmComparisons.Below;
        if (rule.Kind == AlarmKinds.Rate)
            return new($"{labelEn} changing {(above ? "more" : "less")} than {limit} per minute (over {Duration(rule.WindowSeconds, zh: false)})",
                $"{labelZh}每分钟变化{(above ? "高于" : "低于")} {limit}（{Duration(rule.WindowSeconds, zh: true)}内）");
        var lasting = rule.WindowSeconds > 0;
        return new($"{labelEn} {(above ? "above" : "below")} {limit}" + (lasting ? $" for {Duration(rule.WindowSeconds, zh: false)}" : ""),
            $"{labelZh}{(above ? "高于" : "低于")} {limit}" + (lasting ? $"，持续 {Duration(rule.WindowSeconds, zh: true)}" : ""));
    }

    /// <summary>The telemetry's display names in both languages ("Phase voltages L1" for a field of an object).</summary>
    public static (string En, string Zh) Labels(DtdlTelemetry? telemetry, string name)
    {
        if (telemetry is null) return (name, name);
        var dot = name.IndexOf('.');
        var field = dot < 0 ? "" : " " + name[(dot + 1)..].ToUpperInvariant();
        return (telemetry.DisplayName + field, telemetry.DisplayNameZh + field);
    }

    public static DtdlTelemetry? Telemetry(DtdlInterface? model, string name) => model?.FindTelemetry(name.Split('.')[0]);

    /// <summary>"45 s", "5 min", "1 h 30 min", "2 d 3 h"; in Chinese "45 秒", "5 分钟", "1 小时 30 分钟", "2 天 3 小时".</summary>
    public static string Duration(int seconds, bool zh)
    {
        seconds = Math.Max(0, seconds);
        var (d, h, m, s) = (seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        string Part(int n, string en, string chinese) => zh ? $"{n} {chinese}" : $"{n} {en}";
        var parts = seconds switch
        {
            >= 86_400 => [Part(d, "d", "天"), h > 0 ? Part(h, "h", "小时") : ""],
            >= 3600 => [Part(h, "h", "小时"), m > 0 ? Part(m, "min", "分钟") : ""],
            >= 60 => [Part(m, "min", "分钟"), s > 0 ? Part(s, "s", "秒") : ""],
            _ => new[] { Part(s, "s", "秒") },
        };
        return string.Join(" ", parts.Where(p => p.Length > 0));
    }

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string? StateName(EnumSchema schema, double value)
    {
        for (var i = 0; i < schema.Values.Count; i++)
        {
            var v = schema.Values[i];
            if ((schema.IntegerValues ? v.Value.GetInt32() : i) == (int)Math.Round(value)) return v.DisplayName;
        }
        return null;
    }
}
