using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Alarm rules and alarms of a park: list, create and delete rules, list and acknowledge alarms.</summary>
public sealed class AlarmService(LingjingDbContext db, AlarmEngine engine, TwinModelCatalog models, TimeProvider time)
{
    public const int MaxAlarms = 500;

    public async Task<List<AlarmView>> AlarmsAsync(int parkId, string state, CancellationToken ct)
    {
        var alarms = db.Set<Alarm>().AsNoTracking().Where(a => a.ParkId == parkId);
        alarms = state switch
        {
            "open" => alarms.Where(a => a.State != AlarmStates.Cleared),
            "all" => alarms,
            _ => alarms.Where(a => a.State == state),
        };
        var rows = await (from a in alarms
                          join r in db.Set<AlarmRule>().AsNoTracking() on a.RuleId equals r.Id
                          orderby a.RaisedAt descending
                          select new { a, r.NameEn, r.NameZh }).Take(MaxAlarms).ToListAsync(ct);
        return rows.Select(x => new AlarmView(x.a.Id, x.a.RuleId, x.NameEn, x.NameZh, x.a.TwinId, x.a.State, x.a.Severity, x.a.MessageEn, x.a.MessageZh,
            x.a.Value, Utc(x.a.RaisedAt), x.a.AcknowledgedAt is { } ack ? Utc(ack) : null, x.a.ClearedAt is { } cleared ? Utc(cleared) : null)).ToList();
    }

    // SQLite hands instants back without a kind; they were stored in UTC.
    private static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));

    /// <summary>Acknowledges an open alarm of the park. Returns 200, 404, or 409 when it is cleared already.</summary>
    public async Task<(int Status, string? Problem)> AcknowledgeAsync(Guid id, int parkId, Guid? userId, CancellationToken ct)
    {
        var alarm = await db.Set<Alarm>().FirstOrDefaultAsync(a => a.Id == id && a.ParkId == parkId, ct);
        if (alarm is null) return (404, $"There is no alarm {id} in your park.");
        if (alarm.State == AlarmStates.Cleared) return (409, "The alarm is cleared already.");
        if (alarm.State == AlarmStates.Acknowledged) return (200, null);
        alarm.State = AlarmStates.Acknowledged;
        alarm.AcknowledgedAt = time.GetUtcNow().UtcDateTime;
        alarm.AcknowledgedBy = userId;
        // Only if still active: a clear recorded meanwhile wins.
        var updated = await db.Set<Alarm>().Where(a => a.Id == id && a.State == AlarmStates.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AlarmStates.Acknowledged)
                .SetProperty(a => a.AcknowledgedAt, alarm.AcknowledgedAt).SetProperty(a => a.AcknowledgedBy, userId), ct);
        return updated == 1 ? (200, null) : (409, "The alarm is cleared already.");
    }

    public async Task<List<AlarmRuleView>> RulesAsync(int parkId, CancellationToken ct) =>
        (await db.Set<AlarmRule>().AsNoTracking().Where(r => r.ParkId == null || r.ParkId == parkId).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(AlarmRuleView.From).ToList();

    public async Task<(AlarmRuleView? Rule, int Status, string? Problem)> CreateRuleAsync(CreateAlarmRuleRequest request, int parkId, CancellationToken ct)
    {
        if (!AlarmKinds.All.Contains(request.Kind)) return Bad($"kind must be one of {string.Join(", ", AlarmKinds.All)}.");
        var comparison = request.Comparison ?? AlarmComparisons.Above;
        if (!AlarmComparisons.All.Contains(comparison)) return Bad("comparison must be above or below.");
        var severity = request.Severity ?? AlarmSeverities.Warning;
        if (!AlarmSeverities.All.Contains(severity)) return Bad($"severity must be one of {string.Join(", ", AlarmSeverities.All)}.");
        if (string.IsNullOrWhiteSpace(request.NameEn) || request.NameEn.Length > 200) return Bad("nameEn is required, at most 200 characters.");
        if ((request.ModelId is null) == (request.TwinId is null)) return Bad("Give either modelId (the rule covers that model's twins in your park) or twinId (one twin).");
        string modelId;
        if (request.TwinId is { } twinId)
        {
            var twin = await db.Set<Twin>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == twinId && t.ParkId == parkId, ct);
            if (twin is null) return (null, 404, $"There is no twin {twinId} in your park.");
            modelId = twin.ModelId;
        }
        else
        {
            modelId = request.ModelId!;
        }
        var model = models.Find(modelId);
        if (model is null) return Bad($"modelId {modelId} is not a known model.");
        var window = request.WindowSeconds ?? 0;
        var telemetry = request.Telemetry ?? "";
        if (request.Kind != AlarmKinds.NoData)
        {
            var declared = model.Telemetry.Select(t => t.Name)
                .Concat(model.Telemetry.Where(t => t.Schema is ObjectSchema).SelectMany(t => ((ObjectSchema)t.Schema).Fields.Select(f => $"{t.Name}.{f.Name}")))
                .ToList();
            if (!declared.Contains(telemetry)) return Bad($"telemetry '{telemetry}' is not declared by {model.Id} (its telemetry: {string.Join(", ", declared)}).");
            if (request.Threshold is not { } th || !double.IsFinite(th)) return Bad("threshold is required: a number.");
        }
        if (request.Kind is AlarmKinds.Rate or AlarmKinds.NoData && (window < 10 || window > 7 * 86_400))
            return Bad("windowSeconds must be from 10 to 604,800 for rate and no-data rules.");

        var rule = new AlarmRule
        {
            ParkId = parkId, ModelId = request.TwinId is null ? modelId : null, TwinId = request.TwinId, Telemetry = request.Kind == AlarmKinds.NoData ? "" : telemetry,
            Kind = request.Kind, Comparison = comparison, Threshold = request.Threshold ?? 0, WindowSeconds = window, Severity = severity,
            NameEn = request.NameEn.Trim(), NameZh = string.IsNullOrWhiteSpace(request.NameZh) ? request.NameEn.Trim() : request.NameZh.Trim(),
            Enabled = true, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        await ReloadAsync(ct);
        return (AlarmRuleView.From(rule), 201, null);

        static (AlarmRuleView?, int, string?) Bad(string problem) => (null, 400, problem);
    }

    public async Task<bool> DeleteRuleAsync(int id, int parkId, CancellationToken ct)
    {
        var deleted = await db.Set<AlarmRule>().Where(r => r.Id == id && r.ParkId == parkId).ExecuteDeleteAsync(ct);
        if (deleted > 0) await ReloadAsync(ct);
        return deleted > 0;
    }

    private async Task ReloadAsync(CancellationToken ct) => engine.Reload(await db.Set<AlarmRule>().AsNoTracking().ToListAsync(ct));
}
