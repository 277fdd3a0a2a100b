using System.Globalization;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>An enterprise's deciding facts with their provenance, their history, and the enterprise's
/// declarations of new values. A declaration never changes a fact: it waits as a pending
/// <see cref="FactChange"/> until <see cref="FactReviewService"/> approves it. Callers decide who may
/// reach which enterprise.</summary>
public sealed class EnterpriseFactService(LingjingDbContext db, Notifier notifier, TimeProvider time)
{
    public const int MaxEmployees = 1_000_000;
    public const int MaxTags = 20;
    public const int TagMaxLength = 40;
    public const int NoteMaxLength = 1_000;

    /// <summary>The enterprise's park, or null when there is no such enterprise.</summary>
    public Task<int?> ParkOfAsync(int enterpriseId, CancellationToken ct) =>
        db.Set<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => (int?)e.ParkId).FirstOrDefaultAsync(ct);

    public async Task<EnterpriseFacts?> FactsAsync(int enterpriseId, CancellationToken ct)
    {
        var row = await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id == enterpriseId)
            .Select(e => new { e.Category, e.FoundedOn, e.AboveDesignatedSize, e.Employees, e.Tags, e.RegisteredAt, ParkEn = e.Park!.NameEn, ParkZh = e.Park.NameZh })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var revenue = await db.Set<EnterpriseRevenue>().AsNoTracking().Where(r => r.EnterpriseId == enterpriseId)
            .OrderByDescending(r => r.Year).Select(r => new { r.Year, r.RevenueYuan }).FirstOrDefaultAsync(ct);
        var latest = (await db.Set<FactHistoryEntry>().AsNoTracking().Where(h => h.EnterpriseId == enterpriseId).ToListAsync(ct))
            .GroupBy(h => h.Fact).ToDictionary(g => g.Key, g => g.MaxBy(h => h.At)!);
        var pending = (await db.Set<FactChange>().AsNoTracking()
                .Where(c => c.EnterpriseId == enterpriseId && c.Status == FactChangeStatus.Pending).ToListAsync(ct))
            .GroupBy(c => c.Fact).ToDictionary(g => g.Key, g => g.MaxBy(c => c.ProposedAt)!);

        var category = EnterpriseCategories.Find(row.Category);
        var values = new Dictionary<string, (string En, string Zh)>
        {
            [DecidingFacts.Category] = (category?.NameEn ?? row.Category, category?.NameZh ?? row.Category),
            [DecidingFacts.Park] = (row.ParkEn, row.ParkZh),
            [DecidingFacts.FoundedOn] = (Date(row.FoundedOn), Date(row.FoundedOn)),
            [DecidingFacts.AboveDesignatedSize] = row.AboveDesignatedSize ? ("above designated size", "规模以上") : ("below designated size", "规模以下"),
            [DecidingFacts.Revenue] = revenue is null
                ? ("not reported", "未报送")
                : ($"{revenue.RevenueYuan.ToString("#,0", CultureInfo.InvariantCulture)} yuan ({revenue.Year})", $"{revenue.RevenueYuan.ToString("#,0", CultureInfo.InvariantCulture)} 元（{revenue.Year}年）"),
            [DecidingFacts.Employees] = (row.Employees.ToString("#,0", CultureInfo.InvariantCulture), row.Employees.ToString("#,0", CultureInfo.InvariantCulture)),
            [DecidingFacts.Tags] = row.Tags.Count == 0 ? ("(none)", "（无）") : (string.Join(", ", row.Tags), string.Join("、", row.Tags)),
        };
        var facts = DecidingFacts.All.Select(fact =>
        {
            var (en, zh) = values[fact];
            var pendingView = pending.TryGetValue(fact, out var p)
                ? new PendingFact(p.Id, DecidingFacts.Display(fact, p.NewValue), p.ProposedByName, p.ProposedAt, p.Note)
                : null;
            return latest.TryGetValue(fact, out var verified)
                ? new EnterpriseFact(fact, en, zh, verified.Provenance, verified.ActorName, verified.ActorRole, verified.At, pendingView)
                : new EnterpriseFact(fact, en, zh, FactProvenance.Registered, null, null, row.RegisteredAt, pendingView);
        }).ToList();
        return new EnterpriseFacts(enterpriseId, facts);
    }

    /// <summary>The values the enterprise declared that wait for review (null: nothing pending for that fact).</summary>
    public async Task<(int? Employees, IReadOnlyList<string>? Tags)> DeclaredAsync(int enterpriseId, CancellationToken ct)
    {
        var pending = (await db.Set<FactChange>().AsNoTracking()
            .Where(c => c.EnterpriseId == enterpriseId && c.Status == FactChangeStatus.Pending).ToListAsync(ct))
            .GroupBy(c => c.Fact).ToDictionary(g => g.Key, g => g.MaxBy(c => c.ProposedAt)!.NewValue);
        return (pending.TryGetValue(DecidingFacts.Employees, out var employees) ? DecidingFacts.DecodeEmployees(employees) : null,
            pending.TryGetValue(DecidingFacts.Tags, out var tags) ? DecidingFacts.DecodeTags(tags) : null);
    }

    /// <summary>Verified changes of the enterprise's facts (optionally one fact), oldest first.</summary>
    public async Task<IReadOnlyList<FactHistoryView>> HistoryAsync(int enterpriseId, string? fact, CancellationToken ct)
    {
        var entries = db.Set<FactHistoryEntry>().AsNoTracking().Where(h => h.EnterpriseId == enterpriseId);
        if (!string.IsNullOrWhiteSpace(fact)) entries = entries.Where(h => h.Fact == fact);
        return (await entries.ToListAsync(ct)).OrderBy(h => h.At)
            .Select(h => new FactHistoryView(h.Fact, DecidingFacts.Display(h.Fact, h.OldValue), DecidingFacts.Display(h.Fact, h.NewValue),
                h.Provenance, h.DeclaredByName, h.ActorName, h.ActorRole, h.At, h.ChangeId))
            .ToList();
    }

    /// <summary>The enterprise's declared changes, newest first.</summary>
    public async Task<IReadOnlyList<FactChangeView>> ChangesAsync(int enterpriseId, CancellationToken ct) =>
        (await FactChangeViews.Project(FactChangeViews.Rows(db, db.Set<FactChange>().Where(c => c.EnterpriseId == enterpriseId))
            .OrderByDescending(r => r.C.ProposedAt).Take(100)).ToListAsync(ct)).Select(FactChangeViews.Readable).ToList();

    /// <summary>Records the declared values that differ from the verified ones as pending changes (one per
    /// fact: a new declaration replaces a pending one; declaring the verified value again withdraws it)
    /// and tells the park's operators. Returns the enterprise's pending changes afterwards.</summary>
    public async Task<Outcome<IReadOnlyList<FactChangeView>>> DeclareAsync(int enterpriseId, FactDeclarant declarant, FactDeclaration declaration, CancellationToken ct)
    {
        if (declaration.Employees is null && declaration.Tags is null) return Failure.Invalid("Declare employees, tags or both.");
        if (declaration.Employees is < 0 or > MaxEmployees) return Failure.Invalid("The number of employees must be from 0 to {0:#,0}.", MaxEmployees);
        var tags = declaration.Tags is null ? null : CleanTags(declaration.Tags);
        if (tags is { Count: > MaxTags }) return Failure.Invalid("At most {0} tags.", MaxTags);
        if (tags is not null && tags.Any(t => t.Length > TagMaxLength)) return Failure.Invalid("Each tag has at most {0} characters.", TagMaxLength);
        var note = declaration.Note?.Trim() ?? "";
        if (note.Length > NoteMaxLength) return Failure.Invalid("The note may be at most {0:#,0} characters.", NoteMaxLength);

        var enterprise = await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id == enterpriseId)
            .Select(e => new { e.ParkId, e.Employees, e.Tags, e.NameEn, e.NameZh }).FirstOrDefaultAsync(ct);
        if (enterprise is null) return Failure.NotFound("There is no enterprise with id {0}.", enterpriseId);

        var declared = new List<(string Fact, string Verified, string Value)>();
        if (declaration.Employees is { } employees)
            declared.Add((DecidingFacts.Employees, DecidingFacts.EncodeEmployees(enterprise.Employees), DecidingFacts.EncodeEmployees(employees)));
        if (tags is not null)
            declared.Add((DecidingFacts.Tags, DecidingFacts.EncodeTags(enterprise.Tags), DecidingFacts.EncodeTags(tags)));

        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.Set<FactChange>().Where(c => c.EnterpriseId == enterpriseId && c.Status == FactChangeStatus.Pending).ToListAsync(ct);
        var created = new List<FactChange>();
        foreach (var (fact, verified, value) in declared)
        {
            var waiting = pending.Where(c => c.Fact == fact).ToList();
            if (waiting.Any(c => c.NewValue == value) || (waiting.Count == 0 && value == verified)) continue;
            foreach (var old in waiting)
            {
                old.Status = FactChangeStatus.Withdrawn;
                old.DecidedAt = now;
                old.DecidedByName = declarant.Name;
            }
            if (value == verified) continue;
            var change = new FactChange
            {
                Id = Guid.NewGuid(), EnterpriseId = enterpriseId, Fact = fact, OldValue = verified, NewValue = value, Note = note,
                Status = FactChangeStatus.Pending, ProposedBy = declarant.UserId, ProposedByName = declarant.Name, ProposedAt = now,
            };
            db.Add(change);
            created.Add(change);
        }
        await db.SaveChangesAsync(ct);
        foreach (var change in created)
            await notifier.NotifyParkOperatorsAsync(enterprise.ParkId, FactMessages.Declared(change, enterprise.NameEn, enterprise.NameZh), ct);

        var stillPending = await FactChangeViews.Project(FactChangeViews.Rows(db, db.Set<FactChange>()
            .Where(c => c.EnterpriseId == enterpriseId && c.Status == FactChangeStatus.Pending)).OrderBy(r => r.C.ProposedAt)).ToListAsync(ct);
        return stillPending.Select(FactChangeViews.Readable).ToList();
    }

    /// <summary>Trimmed, non-empty, distinct tags in the order given.</summary>
    public static List<string> CleanTags(IEnumerable<string?> tags) =>
        tags.Select(t => (t ?? "").Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
