using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Writes the engine's raises and clears to the alarms table and tells the park's
/// operators about each new alarm (the no-data checks run in <see cref="AlarmNoDataJob"/>).</summary>
public sealed class AlarmRecorder(AlarmEngine engine, IServiceScopeFactory scopes, ILogger<AlarmRecorder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = engine.Actions;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (reader.TryRead(out var action))
                {
                    try
                    {
                        await RecordAsync(action, stoppingToken);
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogError(e, "Recording alarm {Id} failed", action.AlarmId);
                    }
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task RecordAsync(AlarmAction action, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        switch (action)
        {
            case RaiseAlarm raise:
            {
                var twin = await db.Set<Twin>().AsNoTracking().Where(t => t.Id == raise.TwinId).Select(t => new { t.NameEn, t.NameZh }).FirstOrDefaultAsync(ct);
                var (en, zh) = Messages(raise.Rule, twin?.NameEn ?? raise.TwinId, twin?.NameZh ?? raise.TwinId, raise.Value);
                db.Add(new Alarm
                {
                    Id = raise.AlarmId, RuleId = raise.Rule.Id, TwinId = raise.TwinId, ParkId = raise.ParkId, State = AlarmStates.Active,
                    Severity = raise.Rule.Severity, MessageEn = en, MessageZh = zh, Value = raise.Value, RaisedAt = raise.At,
                });
                await db.SaveChangesAsync(ct);
                var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
                await notifier.NotifyParkOperatorsAsync(raise.ParkId, new NotificationMessage(
                    "alarm", $"Alarm: {raise.Rule.NameEn}", $"告警：{raise.Rule.NameZh}", en, zh, "/park/twins/alarms", $"alarm:{raise.AlarmId}"), ct);
                break;
            }
            case ClearAlarm clear:
                await db.Set<Alarm>().Where(a => a.Id == clear.AlarmId && a.State != AlarmStates.Cleared)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AlarmStates.Cleared).SetProperty(a => a.ClearedAt, clear.At), ct);
                break;
        }
    }

    public static (string En, string Zh) Messages(AlarmRule rule, string nameEn, string nameZh, double? value)
    {
        var v = value is { } x ? x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "";
        return rule.Kind switch
        {
            AlarmKinds.NoData => ($"{nameEn}: no data for {v} s (rule: {rule.NameEn}).", $"{nameZh}：已 {v} 秒无数据（规则：{rule.NameZh}）。"),
            AlarmKinds.Rate => ($"{nameEn}: {rule.Telemetry} changes by {v} per minute, {rule.Comparison} {rule.Threshold} (rule: {rule.NameEn}).",
                $"{nameZh}：{rule.Telemetry} 每分钟变化 {v}，{(rule.Comparison == AlarmComparisons.Above ? "高于" : "低于")} {rule.Threshold}（规则：{rule.NameZh}）。"),
            _ => ($"{nameEn}: {rule.Telemetry} is {v}, {rule.Comparison} {rule.Threshold} (rule: {rule.NameEn}).",
                $"{nameZh}：{rule.Telemetry} 为 {v}，{(rule.Comparison == AlarmComparisons.Above ? "高于" : "低于")} {rule.Threshold}（规则：{rule.NameZh}）。"),
        };
    }
}
