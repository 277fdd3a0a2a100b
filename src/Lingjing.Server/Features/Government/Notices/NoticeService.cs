using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Government.Notices;

public sealed record NoticeView(int Id, string TitleZh, string TitleEn, string BodyZh, string BodyEn, IReadOnlyList<int> ParkIds,
    IReadOnlyList<string> Categories, IReadOnlyList<string> SizeClasses, DateTimeOffset PublishedAt, string PublisherName, int EnterprisesReached);

/// <summary>Publishes notices to the enterprises they are for (as notifications, once each) and lists them publicly.</summary>
public sealed class NoticeService(LingjingDbContext db, Notifier notifier, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public async Task<Outcome<NoticeView>> PublishAsync(NoticeInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = input.Validate();
        var parks = (input.ParkIds ?? []).Distinct().ToList();
        var known = await db.Set<Park>().Where(p => parks.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        foreach (var missing in parks.Except(known)) errors.Add(NoticeInput.ParksField, "There is no park with id {0}.", missing);
        if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("The notice cannot be published");

        var categories = (input.Categories ?? []).Distinct().ToList();
        var sizes = (input.SizeClasses ?? []).Distinct().ToList();
        var notice = new Notice
        {
            TitleZh = input.TitleZh!.Trim(), TitleEn = input.TitleEn!.Trim(), BodyZh = input.BodyZh!.Trim(), BodyEn = input.BodyEn!.Trim(),
            ParkIds = parks, Categories = categories, SizeClasses = sizes, PublishedAt = time.GetUtcNow().UtcDateTime,
            PublishedBy = user.UserId()!.Value, PublisherName = user.DisplayName(),
        };
        db.Add(notice);
        await db.SaveChangesAsync(ct);

        var enterprises = await NoticeTargets.Select(db.Set<Enterprise>().AsNoTracking(), parks, categories, sizes).Select(e => e.Id).ToListAsync(ct);
        await notifier.NotifyEnterprisesAsync(enterprises, new NotificationMessage("notice",
            "Notice: " + notice.TitleEn, "通知：" + notice.TitleZh, Excerpt(notice.BodyEn), Excerpt(notice.BodyZh), $"/notices/{notice.Id}", $"notice:{notice.Id}"), ct);
        notice.EnterprisesReached = enterprises.Count;
        await db.SaveChangesAsync(ct);
        return View(notice);
    }

    /// <summary>Published notices, newest first; with a park or an industry, those meant for it (and those for everyone).</summary>
    public async Task<ResultPage<NoticeView>> ListAsync(int? park, string? category, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Set<Notice>().AsNoTracking();
        if (park is { } p) query = query.Where(n => n.ParkIds.Count == 0 || n.ParkIds.Contains(p));
        if (category is { Length: > 0 } c) query = query.Where(n => n.Categories.Count == 0 || n.Categories.Contains(c));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new ResultPage<NoticeView>(items.Select(View).ToList(), total, page, pageSize);
    }

    public async Task<NoticeView?> FindAsync(int id, CancellationToken ct) =>
        await db.Set<Notice>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is { } notice ? View(notice) : null;

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private static NoticeView View(Notice n) => new(n.Id, n.TitleZh, n.TitleEn, n.BodyZh, n.BodyEn, n.ParkIds, n.Categories, n.SizeClasses,
        new DateTimeOffset(DateTime.SpecifyKind(n.PublishedAt, DateTimeKind.Utc)), n.PublisherName, n.EnterprisesReached);
}
