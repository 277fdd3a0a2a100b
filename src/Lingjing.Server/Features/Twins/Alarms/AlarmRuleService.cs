using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>A park's alarm rules: list (its own and the zone-wide ones), create, edit, switch on and off,
/// delete. Only the park's own rules change; the engine takes every change at once.</summary>
public sealed class AlarmRuleService(LingjingDbContext db, AlarmEngine engine, AlarmRuleValidator validator, AlarmService alarms, TimeProvider time)
{
    /// <summary>The park's own rules first (newest first), then the zone-wide ones.</summary>
    public async Task<List<AlarmRuleView>> RulesAsync(int parkId, CancellationToken ct) =>
        (await db.Set<AlarmRule>().AsNoTracking().Where(r => r.ParkId == null || r.ParkId == parkId)
            .OrderBy(r => r.ParkId == null).ThenByDescending(r => r.Id).ToListAsync(ct))
        .Select(AlarmRuleView.From).ToList();

    /// <summary>A rule the park's operators see (their own or zone-wide), or null.</summary>
    public async Task<AlarmRuleView?> FindAsync(int id, int parkId, CancellationToken ct) =>
        await db.Set<AlarmRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && (r.ParkId == null || r.ParkId == parkId), ct) is { } rule
            ? AlarmRuleView.From(rule)
            : null;

    public async Task<AlarmRuleOutcome> CreateAsync(AlarmRuleInput input, int parkId, CancellationToken ct)
    {
        var (valid, errors) = await validator.CheckAsync(input, parkId, ct);
        if (valid is null) return new AlarmRuleOutcome(null, errors);
        var rule = new AlarmRule { ParkId = parkId, Telemetry = "", Kind = "", NameEn = "", NameZh = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(rule, valid, input.Enabled ?? true);
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        await ReloadAsync(ct);
        return new AlarmRuleOutcome(AlarmRuleView.From(rule));
    }

    /// <summary>Replaces one of the park's rules. Switching it off clears its open alarms.</summary>
    public async Task<AlarmRuleOutcome> UpdateAsync(int id, AlarmRuleInput input, int parkId, CancellationToken ct)
    {
        var rule = await db.Set<AlarmRule>().FirstOrDefaultAsync(r => r.Id == id && r.ParkId == parkId, ct);
        if (rule is null) return AlarmRuleOutcome.NotFound;
        var (valid, errors) = await validator.CheckAsync(input, parkId, ct);
        if (valid is null) return new AlarmRuleOutcome(null, errors);
        Apply(rule, valid, input.Enabled ?? rule.Enabled);
        await db.SaveChangesAsync(ct);
        if (!rule.Enabled) await alarms.ClearOpenAsync(rule.Id, ct);
        await ReloadAsync(ct);
        return new AlarmRuleOutcome(AlarmRuleView.From(rule));
    }

    public async Task<AlarmRuleView?> SetEnabledAsync(int id, bool enabled, int parkId, CancellationToken ct)
    {
        var rule = await db.Set<AlarmRule>().FirstOrDefaultAsync(r => r.Id == id && r.ParkId == parkId, ct);
        if (rule is null) return null;
        rule.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        if (!enabled) await alarms.ClearOpenAsync(id, ct);
        await ReloadAsync(ct);
        return AlarmRuleView.From(rule);
    }

    /// <summary>Deletes one of the park's rules with its alarms (the schema cascades); open ones are cleared
    /// first so live lists drop them.</summary>
    public async Task<bool> DeleteAsync(int id, int parkId, CancellationToken ct)
    {
        if (!await db.Set<AlarmRule>().AnyAsync(r => r.Id == id && r.ParkId == parkId, ct)) return false;
        await alarms.ClearOpenAsync(id, ct);
        var deleted = await db.Set<AlarmRule>().Where(r => r.Id == id && r.ParkId == parkId).ExecuteDeleteAsync(ct);
        await ReloadAsync(ct);
        return deleted > 0;
    }

    public sealed record DeviceChoice(string Id, string ModelId, string NameEn, string NameZh);

    /// <summary>The park's twins of these models, for picking one device (at most 2,000, by id).</summary>
    public Task<List<DeviceChoice>> DevicesAsync(int parkId, IReadOnlyCollection<string> modelIds, CancellationToken ct) =>
        db.Set<Twin>().AsNoTracking().Where(t => t.ParkId == parkId && modelIds.Contains(t.ModelId)).OrderBy(t => t.Id).Take(2000)
            .Select(t => new DeviceChoice(t.Id, t.ModelId, t.NameEn, t.NameZh)).ToListAsync(ct);

    private static void Apply(AlarmRule rule, AlarmRuleValidator.Checked valid, bool enabled)
    {
        rule.ModelId = valid.ModelId;
        rule.TwinId = valid.TwinId;
        rule.Telemetry = valid.Telemetry;
        rule.Kind = valid.Kind;
        rule.Comparison = valid.Comparison;
        rule.Threshold = valid.Threshold;
        rule.WindowSeconds = valid.WindowSeconds;
        rule.Severity = valid.Severity;
        rule.NameEn = valid.NameEn;
        rule.NameZh = valid.NameZh;
        rule.Enabled = enabled;
    }

    private async Task ReloadAsync(CancellationToken ct) => engine.Reload(await db.Set<AlarmRule>().AsNoTracking().ToListAsync(ct));
}
