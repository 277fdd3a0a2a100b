using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Needs: publishing, editing, moving through their statuses with a history, and reading them as each reader
/// may. A need the reader may not see answers exactly like one that does not exist.</summary>
public sealed class NeedService(LingjingDbContext db, TimeProvider time, IOptions<LingjingOptions> options, CacheEviction eviction, PublishQuota quota)
{
    public const int MaxPageSize = 100;
    public const string Published = "published";
    public const string Edited = "edited";
    private static readonly Field StatusField = new("status", "Status");

    public async Task<ResultPage<NeedView>> ListAsync(Collaborator reader, NeedQuery query, int page, int pageSize, CancellationToken ct)
    {
        var rows = await VisibleAsync(reader, ct);
        if (query.Mine) rows = rows.Where(r => r.Need.EnterpriseId == reader.EnterpriseId);
        if (query.Segment is { } segment) rows = rows.Where(r => r.Need.Segment == segment);
        if (query.Status is { } status) rows = rows.Where(r => r.Need.Status == status);
        if (query.ParkId is { } park) rows = rows.Where(r => r.Enterprise.ParkId == park);
        if (!string.IsNullOrWhiteSpace(query.Q)) rows = rows.Where(TextMatch.AnyContains<NeedRow>(query.Q, r => r.Need.Title, r => r.Need.Description));
        var (total, found) = await PageReader.PageAsync(rows.OrderByDescending(r => r.Need.CreatedAt).ThenByDescending(r => r.Need.Id), page, pageSize, ct);
        return new ResultPage<NeedView>([.. found.Select(r => View(r, reader))], total, page, pageSize);
    }

    public async Task<NeedDetail?> FindAsync(Collaborator reader, int id, CancellationToken ct)
    {
        var row = await (await VisibleAsync(reader, ct)).FirstOrDefaultAsync(r => r.Need.Id == id, ct);
        if (row is null) return null;
        var history = await db.Set<NeedEvent>().Where(e => e.NeedId == id).OrderBy(e => e.At)
            .Select(e => new NeedEventView(e.Kind, e.Note, e.ActorName, e.At)).ToListAsync(ct);
        return new NeedDetail(View(row, reader), history);
    }

    public async Task<Outcome<NeedDetail>> PublishAsync(Collaborator author, NeedInput input, CancellationToken ct)
    {
        var enterpriseId = author.EnterpriseId ?? throw new InvalidOperationException("Only a person of an enterprise publishes needs.");
        if (await CheckAsync(input, ct) is { } invalid) return invalid;
        if (await quota.CheckAsync(Party.Enterprise(enterpriseId), ct) is { } tooMany) return tooMany;
        var now = time.GetUtcNow().UtcDateTime;
        var need = new Need { EnterpriseId = enterpriseId, Title = "", Segment = "", CreatedBy = author.UserId, CreatedAt = now };
        Apply(need, input, now);
        db.Add(need);
        await db.SaveChangesAsync(ct);
        await RecordAsync(need.Id, Published, "", author, now, ct);
        return (await FindAsync(author, need.Id, ct))!;
    }

    public async Task<Outcome<NeedDetail>> EditAsync(Collaborator author, int id, NeedInput input, CancellationToken ct)
    {
        if (await OwnAsync(author, id, ct) is not { } need) return NoNeed(id);
        if (NeedStatus.IsFinal(need.Status)) return Failure.Conflict("This need is {0}: it can no longer be changed.", NeedStatus.Words(need.Status)) with { Code = "need.final" };
        if (await CheckAsync(input, ct) is { } invalid) return invalid;
        var now = time.GetUtcNow().UtcDateTime;
        Apply(need, input, now);
        await db.SaveChangesAsync(ct);
        await RecordAsync(id, Edited, "", author, now, ct);
        return (await FindAsync(author, id, ct))!;
    }

    /// <summary>Moves the need: open → in talks → agreed, back to open when talks end, or closed; agreed and closed are final.</summary>
    public async Task<Outcome<NeedDetail>> MoveAsync(Collaborator author, int id, NeedMove move, CancellationToken ct)
    {
        if (move.Status is null || !NeedStatus.All.Contains(move.Status)) return Failure.NotOneOf(StatusField, move.Status ?? "", NeedStatus.All);
        var errors = new FieldErrors();
        errors.MaxLength(new Field("note", "Note"), move.Note, 500, multiline: true);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await OwnAsync(author, id, ct, tracked: false) is not { } need) return NoNeed(id);
        if (!NeedStatus.CanMove(need.Status, move.Status))
            return Failure.Conflict("A need that is {0} cannot become {1}.", NeedStatus.Words(need.Status), NeedStatus.Words(move.Status)) with { Code = "need.move" };
        var now = time.GetUtcNow().UtcDateTime;
        // Only from the status read: a concurrent move of the same need changes nothing and is told so.
        var moved = await db.Set<Need>().Where(n => n.Id == id && n.Status == need.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, move.Status).SetProperty(n => n.UpdatedAt, now), ct);
        if (moved == 0) return Failure.Conflict("The need was changed at the same time; reload it and try again.") with { Code = "need.changed" };
        await eviction.TablesChangedAsync(["collaboration_needs"], ct); // an ExecuteUpdate passes the save's eviction by
        await RecordAsync(id, move.Status, move.Note?.Trim() ?? "", author, now, ct);
        return (await FindAsync(author, id, ct))!;
    }

    /// <summary>The zone's day, for deadlines.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime);

    private async Task<Failure?> CheckAsync(NeedInput input, CancellationToken ct)
    {
        var errors = input.Validate(Today());
        var visibility = input.Visibility ?? Visibilities.Zone;
        if (errors.IsEmpty && visibility == Visibilities.Parks)
        {
            var wanted = input.ParkIds!.Distinct().ToList();
            var known = await db.Set<Park>().CountAsync(p => wanted.Contains(p.Id), ct);
            if (known != wanted.Count) errors.Add(NeedInput.ParkIdsField, "Some of these parks do not exist.");
        }
        if (errors.IsEmpty && visibility == Visibilities.Invited)
        {
            var wanted = input.InvitedEnterpriseIds!.Distinct().ToList();
            var known = await db.Set<Enterprise>().CountAsync(e => wanted.Contains(e.Id), ct);
            if (known != wanted.Count) errors.Add(NeedInput.InvitedField, "Some of these enterprises do not exist.");
        }
        return errors.IsEmpty ? null : Failure.Invalid(errors);
    }

    private static void Apply(Need need, NeedInput input, DateTime now)
    {
        need.Title = input.Title!.Trim();
        need.Description = input.Description?.Trim() ?? "";
        need.Segment = input.Segment!;
        need.Tags = CollaborationFields.CleanTags(input.Tags);
        need.BudgetMinYuan = input.BudgetMinYuan;
        need.BudgetMaxYuan = input.BudgetMaxYuan;
        need.Deadline = input.Deadline;
        need.PartnerSize = input.PartnerSize ?? PartnerSizes.Any;
        need.Visibility = input.Visibility ?? Visibilities.Zone;
        need.VisibleParkIds = need.Visibility == Visibilities.Parks ? [.. input.ParkIds!.Distinct()] : [];
        need.InvitedEnterpriseIds = need.Visibility == Visibilities.Invited ? [.. input.InvitedEnterpriseIds!.Distinct()] : [];
        need.UpdatedAt = now;
    }

    private async Task RecordAsync(int needId, string kind, string note, Collaborator actor, DateTime at, CancellationToken ct)
    {
        db.Add(new NeedEvent { Id = Guid.NewGuid(), NeedId = needId, Kind = kind, Note = note, ActorUserId = actor.UserId, ActorName = actor.Name, At = at });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The need if it is the author's enterprise's. Untracked for a move, which writes with ExecuteUpdate: a tracked
    /// copy would keep the status of its first read through later moves in the same request.</summary>
    private async Task<Need?> OwnAsync(Collaborator author, int id, CancellationToken ct, bool tracked = true)
    {
        if (author.EnterpriseId is not { } enterprise) return null;
        var needs = tracked ? db.Set<Need>() : db.Set<Need>().AsNoTracking();
        return await needs.FirstOrDefaultAsync(n => n.Id == id && n.EnterpriseId == enterprise, ct);
    }

    /// <summary>The needs the reader may see: the government all; a park operator those of their park's enterprises and
    /// those shown to the zone or to their park; a person of an enterprise their own and those shown to the zone, to
    /// their enterprise's park or to their enterprise; a person of a service institution those shown to the zone or to
    /// the institution's park.</summary>
    private async Task<IQueryable<NeedRow>> VisibleAsync(Collaborator reader, CancellationToken ct)
    {
        var rows = from n in db.Set<Need>().AsNoTracking() // read for views only; a move's ExecuteUpdate must not meet a stale copy
                   join e in db.Set<Enterprise>().AsNoTracking() on n.EnterpriseId equals e.Id
                   select new NeedRow { Need = n, Enterprise = e };
        if (reader.Government) return rows;
        if (reader.OperatedParkId is { } operated)
        {
            return rows.Where(r => r.Enterprise.ParkId == operated || r.Need.Visibility == Visibilities.Zone
                                   || (r.Need.Visibility == Visibilities.Parks && r.Need.VisibleParkIds.Contains(operated)));
        }
        if (reader.InstitutionId is { } institution)
        {
            var home = await db.Set<Institution>().Where(i => i.Id == institution).Select(i => i.ParkId).FirstOrDefaultAsync(ct) ?? 0;
            return rows.Where(r => r.Need.Visibility == Visibilities.Zone
                                   || (r.Need.Visibility == Visibilities.Parks && r.Need.VisibleParkIds.Contains(home)));
        }
        if (reader.EnterpriseId is not { } own) return rows.Where(r => r.Need.Visibility == Visibilities.Zone);
        var park = await db.Set<Enterprise>().Where(e => e.Id == own).Select(e => e.ParkId).FirstOrDefaultAsync(ct);
        return rows.Where(r => r.Need.EnterpriseId == own || r.Need.Visibility == Visibilities.Zone
                               || (r.Need.Visibility == Visibilities.Parks && r.Need.VisibleParkIds.Contains(park))
                               || (r.Need.Visibility == Visibilities.Invited && r.Need.InvitedEnterpriseIds.Contains(own)));
    }

    private static NeedView View(NeedRow row, Collaborator reader) =>
        NeedView.Of(row.Need, row.Enterprise.NameZh, row.Enterprise.NameEn, row.Enterprise.ParkId, reader);

    private static Failure NoNeed(int id) => Failure.NotFound("There is no need with id {0}.", id);

    /// <summary>A need with its enterprise, as the queries read them (initialised by members, so that EF Core can
    /// translate filters on it).</summary>
    internal sealed class NeedRow
    {
        public required Need Need { get; init; }
        public required Enterprise Enterprise { get; init; }
    }
}

/// <summary>The filters of the needs list: words in the title or description, a segment, a status, the publisher's park,
/// or only one's own enterprise's.</summary>
public sealed record NeedQuery(string? Q, string? Segment, string? Status, int? ParkId, bool Mine);
