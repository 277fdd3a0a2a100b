using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Alarms of a park (or of all parks, for the government): list, page and acknowledge them; every
/// change goes out on the alarm stream.</summary>
public sealed class AlarmService(LingjingDbContext db, TimeProvider time, LiveBroadcast<AlarmChange> feed)
{
    public const int MaxAlarms = 500;
    public static readonly IReadOnlyList<string> States = ["open", "active", "acknowledged", "cleared", "all"];

    /// <summary>Newest first, at most <see cref="MaxAlarms"/>. <paramref name="parkId"/> null: every park.</summary>
    public async Task<List<AlarmView>> AlarmsAsync(int? parkId, string state, CancellationToken ct) =>
        (await Views(Filter(parkId, state)).Take(MaxAlarms).ToListAsync(ct)).Select(ToView).ToList();

    public async Task<ResultPage<AlarmView>> PageAsync(int? parkId, string state, int page, int pageSize, CancellationToken ct)
    {
        var (total, rows) = await PageReader.PageAsync(Views(Filter(parkId, state)), page, pageSize, ct);
        return new ResultPage<AlarmView>(rows.Select(ToView).ToList(), total, page, pageSize);
    }

    /// <summary>How many alarms of each state, for the tabs.</summary>
    public async Task<Dictionary<string, int>> CountsAsync(int? parkId, CancellationToken ct)
    {
        var counts = await Filter(parkId, "all").GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byState = counts.ToDictionary(c => c.Key, c => c.Count);
        int Of(string s) => byState.GetValueOrDefault(s);
        return new()
        {
            ["open"] = Of(AlarmStates.Active) + Of(AlarmStates.Acknowledged), ["active"] = Of(AlarmStates.Active),
            ["acknowledged"] = Of(AlarmStates.Acknowledged), ["cleared"] = Of(AlarmStates.Cleared), ["all"] = byState.Values.Sum(),
        };
    }

    public async Task<AlarmView?> FindAsync(Guid id, CancellationToken ct) =>
        await Views(db.Set<Alarm>().AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct) is { } row ? ToView(row) : null;

    /// <summary>Acknowledges an open alarm of the park. Null when done (also when it was acknowledged already);
    /// a 404, or a 409 when it is cleared already.</summary>
    public async Task<Failure?> AcknowledgeAsync(Guid id, int parkId, Guid? userId, CancellationToken ct)
    {
        var alarm = await db.Set<Alarm>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ParkId == parkId, ct);
        if (alarm is null) return Failure.NotFound("There is no alarm {0} in your park.", id);
        if (alarm.State == AlarmStates.Cleared) return ClearedAlready;
        if (alarm.State == AlarmStates.Acknowledged) return null;
        var at = time.GetUtcNow().UtcDateTime;
        // Only if still active: a clear recorded meanwhile wins.
        var updated = await db.Set<Alarm>().Where(a => a.Id == id && a.State == AlarmStates.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AlarmStates.Acknowledged)
                .SetProperty(a => a.AcknowledgedAt, at).SetProperty(a => a.AcknowledgedBy, userId), ct);
        if (updated != 1) return ClearedAlready;
        await PublishAsync(id, AlarmChange.Acknowledged, ct);
        return null;
    }

    private static Failure ClearedAlready => Failure.Conflict("The alarm cleared before it was acknowledged.");

    /// <summary>Clears the open alarms of a rule that stops watching (disabled or about to be deleted).</summary>
    public async Task ClearOpenAsync(int ruleId, CancellationToken ct)
    {
        var open = await db.Set<Alarm>().Where(a => a.RuleId == ruleId && a.State != AlarmStates.Cleared).Select(a => a.Id).ToListAsync(ct);
        if (open.Count == 0) return;
        var at = time.GetUtcNow().UtcDateTime;
        await db.Set<Alarm>().Where(a => open.Contains(a.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AlarmStates.Cleared).SetProperty(a => a.ClearedAt, at), ct);
        foreach (var id in open) await PublishAsync(id, AlarmChange.Cleared, ct);
    }

    /// <summary>Tells the open alarm streams (after the change is stored).</summary>
    public async Task PublishAsync(Guid id, string change, CancellationToken ct)
    {
        if (feed.SubscriberCount == 0) return;
        if (await FindAsync(id, ct) is { } view) feed.Publish(new AlarmChange(change, view));
    }

    private IQueryable<Alarm> Filter(int? parkId, string state)
    {
        var alarms = db.Set<Alarm>().AsNoTracking();
        if (parkId is { } park) alarms = alarms.Where(a => a.ParkId == park);
        return state switch
        {
            "open" => alarms.Where(a => a.State != AlarmStates.Cleared),
            "all" => alarms,
            _ => alarms.Where(a => a.State == state),
        };
    }

    private sealed record Row(Alarm Alarm, string RuleNameEn, string RuleNameZh, string? TwinNameEn, string? TwinNameZh);

    private IQueryable<Row> Views(IQueryable<Alarm> alarms) =>
        from a in alarms
        join r in db.Set<AlarmRule>().AsNoTracking() on a.RuleId equals r.Id
        join t in db.Set<Twin>().AsNoTracking() on a.TwinId equals t.Id into twins
        from t in twins.DefaultIfEmpty()
        orderby a.RaisedAt descending, a.Id
        select new Row(a, r.NameEn, r.NameZh, t == null ? null : t.NameEn, t == null ? null : t.NameZh);

    private static AlarmView ToView(Row x) => new(x.Alarm.Id, x.Alarm.RuleId, x.RuleNameEn, x.RuleNameZh, x.Alarm.TwinId, x.Alarm.State, x.Alarm.Severity,
        x.Alarm.MessageEn, x.Alarm.MessageZh, x.Alarm.Value, Utc(x.Alarm.RaisedAt), x.Alarm.AcknowledgedAt is { } ack ? Utc(ack) : null,
        x.Alarm.ClearedAt is { } cleared ? Utc(cleared) : null, x.Alarm.ParkId, x.TwinNameEn, x.TwinNameZh);

    // SQLite hands instants back without a kind; they were stored in UTC.
    private static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
