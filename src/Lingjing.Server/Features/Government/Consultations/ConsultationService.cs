using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Government.Notices;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Government.Consultations;

public sealed record ConsultationView(int Id, string TitleZh, string TitleEn, string DraftZh, string DraftEn, DateTimeOffset OpenedAt,
    DateTimeOffset ClosesAt, bool Open, string? ResponseZh, string? ResponseEn, DateTimeOffset? RespondedAt, int Comments);

public sealed record CommentView(int Id, string EnterpriseName, string Text, DateTimeOffset CreatedAt, bool Mine);

public sealed record ConsultationDetail(ConsultationView Consultation, IReadOnlyList<CommentView> Comments);

/// <summary>
/// Public consultations: the government opens one on a draft (every enterprise is told), enterprises' people comment
/// until the deadline (a comment after it is refused and changes nothing), the government responds once it has closed
/// and whoever commented is told.
/// </summary>
public sealed class ConsultationService(LingjingDbContext db, Notifier notifier, TimeProvider time)
{
    public async Task<Outcome<ConsultationView>> OpenAsync(ConsultationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = input.Validate(now);
        if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("The consultation cannot be opened");
        var consultation = new Consultation
        {
            TitleZh = input.TitleZh!.Trim(), TitleEn = input.TitleEn!.Trim(), DraftZh = input.DraftZh!.Trim(), DraftEn = input.DraftEn!.Trim(),
            OpenedAt = now.UtcDateTime, ClosesAt = input.ClosesAt!.Value.UtcDateTime, OpenedBy = user.UserId()!.Value,
        };
        db.Add(consultation);
        await db.SaveChangesAsync(ct);
        var closes = consultation.ClosesAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var everyone = await db.Set<Enterprise>().AsNoTracking().Select(e => e.Id).ToListAsync(ct);
        await notifier.NotifyEnterprisesAsync(everyone, new NotificationMessage("consultation",
            "Public consultation: " + consultation.TitleEn, "征求意见：" + consultation.TitleZh,
            $"The draft is open for your comments until {closes} (UTC).", $"草案征求意见截至 {closes}（UTC），欢迎提出意见。",
            $"/consultations/{consultation.Id}", $"consultation:{consultation.Id}"), ct);
        return View(consultation, 0, now);
    }

    public async Task<Outcome<CommentView>> CommentAsync(int id, CommentInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var consultation = await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return NotFound(id);
        if (user.EnterpriseId() is not { } enterpriseId || user.UserId() is not { } userId)
            return Failure.Forbidden("Comments are for the people of the zone's enterprises.");
        var errors = new FieldErrors();
        NoticeInput.RequiredText(errors, CommentInput.TextField, input.Text, CommentInput.MaxText);
        if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("The comment cannot be taken");
        var now = time.GetUtcNow().UtcDateTime;
        if (now >= consultation.ClosesAt)
            return (Failure.Conflict("The consultation closed at {0} (UTC); comments are no longer taken.",
                consultation.ClosesAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) with { Code = "consultation.closed" }).Titled("Closed");
        var enterprise = await db.Set<Enterprise>().AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => new { e.NameZh, e.NameEn }).FirstAsync(ct);
        var comment = new ConsultationComment
        {
            ConsultationId = id, UserId = userId, EnterpriseId = enterpriseId,
            EnterpriseName = enterprise.NameZh.Length > 0 ? enterprise.NameZh : enterprise.NameEn, Text = input.Text!.Trim(), CreatedAt = now,
        };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return Comment(comment, userId);
    }

    public async Task<Outcome<ConsultationView>> RespondAsync(int id, ResponseInput input, CancellationToken ct)
    {
        var consultation = await db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return NotFound(id);
        var errors = new FieldErrors();
        NoticeInput.RequiredText(errors, ResponseInput.ResponseZhField, input.ResponseZh, ResponseInput.MaxResponse);
        NoticeInput.RequiredText(errors, ResponseInput.ResponseEnField, input.ResponseEn, ResponseInput.MaxResponse);
        if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("The response cannot be published");
        var now = time.GetUtcNow();
        if (now.UtcDateTime < consultation.ClosesAt)
            return (Failure.Conflict("The consultation is open until {0} (UTC); respond once it has closed.",
                consultation.ClosesAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) with { Code = "consultation.open" }).Titled("Still open");
        if (consultation.RespondedAt is not null)
            return (Failure.Conflict("The response was published already.") with { Code = "consultation.responded" }).Titled("Responded");
        (consultation.ResponseZh, consultation.ResponseEn, consultation.RespondedAt) = (input.ResponseZh!.Trim(), input.ResponseEn!.Trim(), now.UtcDateTime);
        await db.SaveChangesAsync(ct);
        var commenters = await db.Set<ConsultationComment>().Where(c => c.ConsultationId == id).Select(c => c.EnterpriseId).Distinct().ToListAsync(ct);
        await notifier.NotifyEnterprisesAsync(commenters, new NotificationMessage("consultation",
            "The government responded: " + consultation.TitleEn, "政府已回应：" + consultation.TitleZh,
            "The response to the consultation you commented on is published.", "您提出意见的征求意见稿已发布政府回应。",
            $"/consultations/{id}", $"consultation-response:{id}"), ct);
        return View(consultation, commenters.Count, now);
    }

    /// <summary>Open consultations first (closing soonest), then the closed ones (newest first).</summary>
    public async Task<IReadOnlyList<ConsultationView>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var all = await db.Set<Consultation>().AsNoTracking().ToListAsync(ct);
        var ids = all.Select(c => c.Id).ToList();
        var counts = await db.Set<ConsultationComment>().Where(c => ids.Contains(c.ConsultationId)).GroupBy(c => c.ConsultationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var views = all.Select(c => View(c, counts.GetValueOrDefault(c.Id), now)).ToList();
        return [.. views.Where(v => v.Open).OrderBy(v => v.ClosesAt), .. views.Where(v => !v.Open).OrderByDescending(v => v.ClosesAt)];
    }

    public async Task<ConsultationDetail?> DetailAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var consultation = await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (consultation is null) return null;
        var comments = await db.Set<ConsultationComment>().AsNoTracking().Where(c => c.ConsultationId == id).OrderBy(c => c.Id).ToListAsync(ct);
        var me = user.UserId();
        return new ConsultationDetail(View(consultation, comments.Count, time.GetUtcNow()), comments.Select(c => Comment(c, me)).ToList());
    }

    private static Failure NotFound(int id) => Failure.NotFound("There is no consultation with id {0}.", id);

    private static CommentView Comment(ConsultationComment c, Guid? me) =>
        new(c.Id, c.EnterpriseName, c.Text, Utc(c.CreatedAt), c.UserId == me);

    private static ConsultationView View(Consultation c, int comments, DateTimeOffset now) => new(c.Id, c.TitleZh, c.TitleEn, c.DraftZh, c.DraftEn,
        Utc(c.OpenedAt), Utc(c.ClosesAt), now.UtcDateTime < c.ClosesAt, c.ResponseZh, c.ResponseEn, c.RespondedAt is { } at ? Utc(at) : null, comments);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
