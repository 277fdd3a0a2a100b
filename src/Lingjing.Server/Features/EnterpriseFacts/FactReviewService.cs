using Lingjing.Server.Features.Record;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>The review of declared changes: the queue (a park operator sees their park's enterprises,
/// the government all), approval (the value becomes the verified fact, a history entry records who,
/// when, old and new, and every <see cref="IVerifiedFactsListener"/> decides again) and rejection with a
/// reason. Both the enterprise and the park's operators are told either way.</summary>
public sealed class FactReviewService(
    LingjingDbContext db, Notifier notifier, IEnumerable<IVerifiedFactsListener> listeners, TimeProvider time, ILogger<FactReviewService> logger)
{
    public const int MaxPageSize = 100;
    public const int ReasonMaxLength = 1_000;

    public async Task<ResultPage<FactChangeView>> QueueAsync(FactReviewer reviewer, string status, int page, int pageSize, CancellationToken ct)
    {
        var rows = FactChangeViews.Rows(db, db.Set<FactChange>().AsNoTracking().Where(c => c.Status == status));
        if (!reviewer.Government) rows = rows.Where(r => r.ParkId == reviewer.ParkId);
        // Pending: longest waiting first. Decided: most recent first.
        var ordered = status == FactChangeStatus.Pending
            ? rows.OrderBy(r => r.C.ProposedAt).ThenBy(r => r.C.Id)
            : rows.OrderByDescending(r => r.C.DecidedAt).ThenBy(r => r.C.Id);
        var total = await ordered.CountAsync(ct);
        var offset = (long)(page - 1) * pageSize;
        var items = offset >= total ? [] : await FactChangeViews.Project(ordered.Skip((int)offset).Take(pageSize)).ToListAsync(ct);
        return new ResultPage<FactChangeView>(items.Select(FactChangeViews.Readable).ToList(), total, page, pageSize);
    }

    public async Task<FactChangeView?> FindAsync(Guid id, FactReviewer reviewer, CancellationToken ct)
    {
        var view = await FactChangeViews.Project(FactChangeViews.Rows(db, db.Set<FactChange>().AsNoTracking().Where(c => c.Id == id))).FirstOrDefaultAsync(ct);
        return view is not null && reviewer.MayReview(view.ParkId) ? FactChangeViews.Readable(view) : null;
    }

    public async Task<Outcome<FactChangeView>> ApproveAsync(Guid id, FactReviewer reviewer, CancellationToken ct)
    {
        var (change, enterprise, error) = await LoadPendingAsync(id, reviewer, ct);
        if (error is not null) return error;
        var instant = time.GetUtcNow();
        var now = instant.UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (await MarkDecidedAsync(change!, FactChangeStatus.Approved, reviewer, now, null, ct) == 0)
                return Failure.Conflict("The change was decided or withdrawn meanwhile; reload the queue.");
            var old = change!.Fact switch
            {
                DecidingFacts.Employees => DecidingFacts.EncodeEmployees(enterprise!.Employees),
                _ => DecidingFacts.EncodeTags(enterprise!.Tags),
            };
            if (change.Fact == DecidingFacts.Employees) enterprise.Employees = DecidingFacts.DecodeEmployees(change.NewValue);
            else enterprise.Tags = DecidingFacts.DecodeTags(change.NewValue).ToList();
            enterprise.SearchText = SearchText.For(enterprise);
            enterprise.UpdatedAt = now;
            db.Add(new FactHistoryEntry
            {
                Id = Guid.NewGuid(), EnterpriseId = enterprise.Id, Fact = change.Fact, OldValue = old, NewValue = change.NewValue,
                Provenance = FactProvenance.Verified, ChangeId = change.Id, DeclaredByName = change.ProposedByName,
                ActorUserId = reviewer.UserId, ActorName = reviewer.Name, ActorRole = reviewer.Role, At = now,
            });
            db.Record(instant, RecordKinds.FactApproved, $"enterprise:{enterprise.Id}", reviewer.UserId,
                new { Enterprise = enterprise.Id, Change = change.Id, change.Fact, OldValue = old, change.NewValue, ReviewerRole = reviewer.Role });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await TellBothSidesAsync(change!, enterprise!, ct);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.VerifiedFactsChangedAsync(enterprise!.Id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The fact is verified either way; the scheduled rematch catches up with what a listener missed.
                logger.LogError(e, "Deciding again after a verified change of enterprise {Enterprise} failed", enterprise!.Id);
            }
        }
        return (await FindAsync(id, reviewer, ct))!;
    }

    public async Task<Outcome<FactChangeView>> RejectAsync(Guid id, FactReviewer reviewer, string? reason, CancellationToken ct)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > ReasonMaxLength) return Failure.Invalid("A reason is required to reject a change (at most {0:#,0} characters).", ReasonMaxLength);
        var (change, enterprise, error) = await LoadPendingAsync(id, reviewer, ct);
        if (error is not null) return error;
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (await MarkDecidedAsync(change!, FactChangeStatus.Rejected, reviewer, now.UtcDateTime, text, ct) == 0)
                return Failure.Conflict("The change was decided or withdrawn meanwhile; reload the queue.");
            db.Record(now, RecordKinds.FactRejected, $"enterprise:{enterprise!.Id}", reviewer.UserId,
                new { Enterprise = enterprise.Id, Change = change!.Id, change.Fact, change.NewValue, Reason = text, ReviewerRole = reviewer.Role });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await TellBothSidesAsync(change!, enterprise!, ct);
        return (await FindAsync(id, reviewer, ct))!;
    }

    private async Task<(FactChange? Change, Enterprise? Enterprise, Failure? Error)> LoadPendingAsync(Guid id, FactReviewer reviewer, CancellationToken ct)
    {
        var change = await db.Set<FactChange>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var enterprise = change is null ? null : await db.Set<Enterprise>().FirstOrDefaultAsync(e => e.Id == change.EnterpriseId, ct);
        if (change is null || enterprise is null || !reviewer.MayReview(enterprise.ParkId))
            return (null, null, Failure.NotFound("There is no fact change with id {0}.", id));
        if (change.Status != FactChangeStatus.Pending)
            return (null, null, Failure.Conflict("The change is {0}; only a pending change can be decided.", change.Status));
        return (change, enterprise, null);
    }

    /// <summary>Moves the change out of pending only if it still is, so two reviewers cannot both decide it.</summary>
    private async Task<int> MarkDecidedAsync(FactChange change, string status, FactReviewer reviewer, DateTime now, string? reason, CancellationToken ct)
    {
        var changed = await db.Set<FactChange>().Where(c => c.Id == change.Id && c.Status == FactChangeStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.DecidedBy, reviewer.UserId)
                .SetProperty(c => c.DecidedByName, reviewer.Name).SetProperty(c => c.DecidedByRole, reviewer.Role)
                .SetProperty(c => c.DecidedAt, now).SetProperty(c => c.Reason, reason), ct);
        change.Status = status;
        change.DecidedByName = reviewer.Name;
        change.DecidedByRole = reviewer.Role;
        change.DecidedAt = now;
        change.Reason = reason;
        return changed;
    }

    private async Task TellBothSidesAsync(FactChange change, Enterprise enterprise, CancellationToken ct)
    {
        await notifier.NotifyEnterprisesAsync([enterprise.Id], FactMessages.DecidedForEnterprise(change), ct);
        await notifier.NotifyParkOperatorsAsync(enterprise.ParkId, FactMessages.DecidedForPark(change, enterprise.NameEn, enterprise.NameZh), ct);
    }
}
