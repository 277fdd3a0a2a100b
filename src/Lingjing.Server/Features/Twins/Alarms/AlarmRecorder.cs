using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Writes the engine's raises and clears to the alarms table, worded by <see cref="AlarmWording"/>,
/// tells open alarm streams, and tells the park's operators about each new alarm (the no-data checks run in
/// <see cref="AlarmNoDataJob"/>).</summary>
public sealed class AlarmRecorder(AlarmEngine engine, AlarmWording wording, IServiceScopeFactory scopes, ILogger<AlarmRecorder> logger)
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
        var alarms = scope.ServiceProvider.GetRequiredService<AlarmService>();
        switch (action)
        {
            case RaiseAlarm raise:
            {
                var twin = await db.Set<Twin>().AsNoTracking().Where(t => t.Id == raise.TwinId).Select(t => new { t.NameEn, t.NameZh }).FirstOrDefaultAsync(ct);
                var message = wording.Raised(raise.Rule, raise.ModelId, raise.Value);
                db.Add(new Alarm
                {
                    Id = raise.AlarmId, RuleId = raise.Rule.Id, TwinId = raise.TwinId, ParkId = raise.ParkId, State = AlarmStates.Active,
                    Severity = raise.Rule.Severity, MessageEn = message.En, MessageZh = message.Zh, Value = raise.Value, RaisedAt = raise.At,
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
                {
                    // Another node saw the rule broken at the same time and raised it: one alarm, told once.
                    logger.LogDebug("Alarm of rule {Rule} on {Twin} is open already", raise.Rule.Id, raise.TwinId);
                    break;
                }
                await alarms.PublishAsync(raise.AlarmId, AlarmChange.Raised, ct);
                var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
                await notifier.NotifyParkOperatorsAsync(raise.ParkId, new NotificationMessage("alarm",
                    $"{raise.Rule.NameEn}: {twin?.NameEn ?? raise.TwinId}", $"{raise.Rule.NameZh}：{twin?.NameZh ?? raise.TwinId}",
                    message.En, message.Zh, "/park/twins/alarms", $"alarm:{raise.AlarmId}"), ct);
                break;
            }
            case ClearAlarm clear:
                // The open alarm of this rule on this twin, which may carry another node's id.
                var open = await db.Set<Alarm>().Where(a => a.RuleId == clear.RuleId && a.TwinId == clear.TwinId && a.State != AlarmStates.Cleared)
                    .Select(a => a.Id).ToListAsync(ct);
                foreach (var id in open)
                {
                    var cleared = await db.Set<Alarm>().Where(a => a.Id == id && a.State != AlarmStates.Cleared)
                        .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AlarmStates.Cleared).SetProperty(a => a.ClearedAt, clear.At), ct);
                    if (cleared > 0) await alarms.PublishAsync(id, AlarmChange.Cleared, ct);
                }
                break;
        }
    }
}
