using Lingjing.Server.Features.Collaboration.Conversations;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration.Moderation;

/// <summary>Reports and their moderation. Anyone taking part reports a need or offer they can see, or a message the other
/// side of their thread wrote. The government reviews every report, a park's operators those about their park's
/// enterprises and institutions: hide the content (a message is hidden, a need closed, an offer withdrawn) or dismiss
/// the report, and warn or suspend its author.</summary>
public sealed class ModerationService(
    LingjingDbContext db, NeedService needs, OfferService offers, ConversationService conversations, ConversationPost post,
    PartyDirectory parties, Notifier notifier, CacheEviction eviction, TimeProvider time)
{
    public const int MaxPageSize = 100;
    public const int MostSuspendDays = 90;
    public static readonly Field TargetKindField = new("targetKind", "What is reported");
    public static readonly Field ReasonField = new("reason", "Reason");
    public static readonly Field NoteField = new("note", "Note");
    public static readonly Field ActionField = new("action", "Decision");
    public static readonly Field SuspendField = new("suspendDays", "Days of suspension");

    private sealed record Target(Party Author, string Excerpt);

    public async Task<Outcome<ReportView>> ReportAsync(Collaborator reporter, ReportInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.TargetKind is null || !ReportTargets.All.Contains(input.TargetKind)) errors.Add(TargetKindField, Failure.NotKnown, input.TargetKind ?? "", string.Join(", ", ReportTargets.All));
        if (input.Reason is null || !ReportReasons.All.Contains(input.Reason)) errors.Add(ReasonField, Failure.NotKnown, input.Reason ?? "", string.Join(", ", ReportReasons.All));
        errors.MaxLength(NoteField, input.Note, 1000, multiline: true);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (reporter.Party is not { } side) return Failure.Forbidden("Only an enterprise's or institution's people report what they see.");
        var target = await TargetAsync(reporter, input.TargetKind!, input.TargetId ?? 0, ct);
        if (target is null) return Failure.NotFound("There is no {0} with id {1} that you can see.", input.TargetKind, input.TargetId);
        if (target.Author == side) return Failure.Conflict("This is your own: withdraw or close it instead of reporting it.") with { Code = "report.own" };
        var author = (await parties.FindAsync([target.Author], ct))[target.Author];
        var report = new CollaborationReport
        {
            TargetKind = input.TargetKind!, TargetId = input.TargetId!.Value, AuthorEnterpriseId = target.Author.EnterpriseId,
            AuthorInstitutionId = target.Author.InstitutionId, AuthorParkId = author.ParkId, ReporterEnterpriseId = side.EnterpriseId,
            ReporterInstitutionId = side.InstitutionId, ReporterUserId = reporter.UserId,
            ReportKey = $"{input.TargetKind}:{input.TargetId}/{side.Kind}:{side.Id}", Reason = input.Reason!, Note = input.Note?.Trim() ?? "",
            Excerpt = target.Excerpt.Length > 500 ? target.Excerpt[..499] + "…" : target.Excerpt, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the unique report key: this side has reported it already
            return Failure.Conflict("Your side has already reported this; moderators will look at it.") with { Code = "report.exists" };
        }
        return (await ViewsAsync([report.Id], ct)).Single();
    }

    public async Task<ResultPage<ReportView>> ListAsync(Collaborator moderator, string status, int page, int pageSize, CancellationToken ct)
    {
        var (total, ids) = await PageReader.PageAsync(Visible(moderator).Where(r => r.Status == status)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id), page, pageSize, ct);
        return new ResultPage<ReportView>(await ViewsAsync(ids, ct), total, page, pageSize);
    }

    public async Task<Outcome<ReportView>> DecideAsync(Collaborator moderator, int id, ReportDecision decision, CancellationToken ct)
    {
        var report = await Visible(moderator).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return Failure.NotFound("There is no report with id {0}.", id);
        var errors = new FieldErrors();
        if (decision.Action is not (ReportStatus.Hidden or "hide" or ReportStatus.Dismissed or "dismiss"))
            errors.Add(ActionField, "Choose hide or dismiss.");
        if (decision.SuspendDays is { } days && days is < 0 or > MostSuspendDays) errors.Add(SuspendField, "From 1 to {0} days, or none.", MostSuspendDays);
        errors.MaxLength(NoteField, decision.Note, 1000, multiline: true);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (report.Status != ReportStatus.Open) return Failure.Conflict("This report was already decided.") with { Code = "report.decided" };

        var hide = decision.Action is "hide" or ReportStatus.Hidden;
        var note = decision.Note?.Trim() ?? "";
        var now = time.GetUtcNow().UtcDateTime;
        var said = hide ? "Hidden" : "Dismissed";
        if (decision.Warn) said += ", author warned";
        if (decision.SuspendDays is > 0) said += $", author suspended for {decision.SuspendDays} days";
        if (note.Length > 0) said += ": " + note;
        var decided = await db.Set<CollaborationReport>()
            .Where(r => r.TargetKind == report.TargetKind && r.TargetId == report.TargetId && r.Status == ReportStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, hide ? ReportStatus.Hidden : ReportStatus.Dismissed)
                .SetProperty(r => r.DecidedByName, moderator.Name).SetProperty(r => r.DecidedAt, now).SetProperty(r => r.Decision, said), ct);
        if (decided == 0) return Failure.Conflict("This report was already decided.") with { Code = "report.decided" };
        if (hide) await HideAsync(report, note, now, ct);
        if (decision.SuspendDays is > 0 and var suspended)
        {
            db.Add(new CollaborationSuspension
            {
                EnterpriseId = report.AuthorEnterpriseId, InstitutionId = report.AuthorInstitutionId, Until = now.AddDays(suspended),
                Reason = note, ByName = moderator.Name, At = now,
            });
            await db.SaveChangesAsync(ct);
        }
        if (decision.Warn || decision.SuspendDays is > 0) await TellAuthorAsync(report, note, decision.SuspendDays, ct);
        return (await ViewsAsync([id], ct)).Single();
    }

    private async Task<Target?> TargetAsync(Collaborator reporter, string kind, int id, CancellationToken ct)
    {
        switch (kind)
        {
            case ReportTargets.Need:
                return await needs.FindAsync(reporter, id, ct) is { } need
                    ? new Target(Party.Enterprise(need.Need.EnterpriseId), $"{need.Need.Title}\n{need.Need.Description}".Trim()) : null;
            case ReportTargets.Offer:
                return await offers.FindAsync(reporter, id, ct) is { } offer
                    ? new Target(new Party(offer.EnterpriseId, offer.InstitutionId), $"{offer.Title}\n{offer.Description}".Trim()) : null;
            default:
                var message = await db.Set<ConversationMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
                if (message is null) return null;
                var (conversation, side) = await conversations.OwnAsync(reporter, message.ConversationId, ct);
                // Only the other side's words: one's own are one's own to regret.
                if (conversation is null || message.Side == side) return null;
                return new Target(message.Side == ConversationSides.Starter ? conversation.Starter : conversation.Other,
                    message.Body.Length > 0 ? message.Body : message.AttachmentName ?? "");
        }
    }

    private async Task HideAsync(CollaborationReport report, string note, DateTime now, CancellationToken ct)
    {
        var reason = note.Length > 0 ? note : "Hidden by a moderator";
        switch (report.TargetKind)
        {
            case ReportTargets.Message:
                await db.Set<ConversationMessage>().Where(m => m.Id == report.TargetId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.HiddenAt, now).SetProperty(m => m.HiddenReason, reason), ct);
                var conversationId = await db.Set<ConversationMessage>().Where(m => m.Id == report.TargetId).Select(m => m.ConversationId).SingleAsync(ct);
                post.Signal(await db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == conversationId, ct));
                break;
            case ReportTargets.Need:
                var closed = await db.Set<Need>().Where(n => n.Id == report.TargetId && n.Status != NeedStatus.Closed)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NeedStatus.Closed).SetProperty(n => n.UpdatedAt, now), ct);
                if (closed > 0)
                {
                    db.Add(new NeedEvent { Id = Guid.NewGuid(), NeedId = report.TargetId, Kind = NeedStatus.Closed, Note = reason, ActorName = "Moderation 审核", At = now });
                    await db.SaveChangesAsync(ct);
                }
                await eviction.TablesChangedAsync(["collaboration_needs"], ct);
                break;
            default:
                await db.Set<Offer>().Where(o => o.Id == report.TargetId)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Active, false).SetProperty(o => o.UpdatedAt, now), ct);
                await eviction.TablesChangedAsync(["collaboration_offers"], ct);
                break;
        }
    }

    private async Task TellAuthorAsync(CollaborationReport report, string note, int? suspendDays, CancellationToken ct)
    {
        var (title, titleZh) = suspendDays is > 0
            ? ($"Your collaboration is suspended for {suspendDays} days", $"贵方的协作功能被暂停 {suspendDays} 天")
            : ("A moderator warned you about what you posted", "管理员就贵方发布的内容提出警告");
        var body = $"{report.Excerpt}\n\n{note}".Trim();
        var message = new NotificationMessage("collaboration.moderation", title, titleZh, body, body, null, $"collaboration-report:{report.TargetKind}:{report.TargetId}");
        if (report.AuthorEnterpriseId is { } enterprise) await notifier.NotifyEnterprisesAsync([enterprise], message, ct);
        else await notifier.NotifyInstitutionsAsync([report.AuthorInstitutionId!.Value], message, ct);
    }

    /// <summary>The reports a moderator reviews: the government all; a park's operators those about their park's.</summary>
    private IQueryable<CollaborationReport> Visible(Collaborator moderator)
    {
        var all = db.Set<CollaborationReport>();
        if (moderator.Government) return all;
        return moderator.OperatedParkId is { } park ? all.Where(r => r.AuthorParkId == park) : all.Where(_ => false);
    }

    private async Task<IReadOnlyList<ReportView>> ViewsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await db.Set<CollaborationReport>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var targetIds = rows.Select(r => r.TargetId).Distinct().ToList();
        var open = (await db.Set<CollaborationReport>().AsNoTracking().Where(r => r.Status == ReportStatus.Open && targetIds.Contains(r.TargetId))
                .GroupBy(r => new { r.TargetKind, r.TargetId }).Select(g => new { g.Key.TargetKind, g.Key.TargetId, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.TargetKind, x.TargetId), x => x.Count);
        var names = await parties.FindAsync(rows.SelectMany(r => new[] { r.Author, new Party(r.ReporterEnterpriseId, r.ReporterInstitutionId) }), ct);
        PartyName Name(Party p) => names.TryGetValue(p, out var e) ? new PartyName(p.Kind, p.Id, e.NameZh, e.NameEn) : new PartyName(p.Kind, p.Id, "", "");
        var byId = rows.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            return new ReportView(r.Id, r.TargetKind, r.TargetId, r.Excerpt, Name(r.Author), Name(new Party(r.ReporterEnterpriseId, r.ReporterInstitutionId)),
                r.Reason, r.Note, r.CreatedAt, r.Status, open.GetValueOrDefault((r.TargetKind, r.TargetId)), r.DecidedByName, r.DecidedAt, r.Decision);
        })];
    }
}
