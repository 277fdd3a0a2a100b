using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Matters' applications against their legal time limits, for the government's service figures: by status,
/// the undecided ones by working days left, and the overdue ones (the longest overdue first).</summary>
public sealed class MatterDeadlines(LingjingDbContext db, TimeProvider time, IOptions<LingjingOptions> options)
{
    private static readonly string[] Buckets = ["overdue", "0-2", "3-5", "6-10", "11+"];

    public async Task<MatterFigures> FiguresAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime);
        var applications = await (from a in db.Set<PolicyApplication>().AsNoTracking()
                                  join m in db.Set<Matter>() on a.MatterId equals m.Id
                                  join e in db.Set<Enterprise>() on a.EnterpriseId equals e.Id
                                  select new { a.Id, a.Status, a.DueOn, m.Code, m.TitleZh, m.TitleEn, e.NameZh, e.NameEn }).ToListAsync(ct);
        var open = applications.Where(a => a.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview && a.DueOn is not null).ToList();
        static string Bucket(int left) => left switch { < 0 => "overdue", <= 2 => "0-2", <= 5 => "3-5", <= 10 => "6-10", _ => "11+" };
        var left = open.Select(a => Bucket(WorkingDays.Left(today, a.DueOn!.Value))).ToList();
        return new MatterFigures(
            ApplicationStatus.All.Where(s => s != ApplicationStatus.Paid).Select(s => new StatusCount(s, applications.Count(a => a.Status == s))).ToList(),
            Buckets.Select(b => new StatusCount(b, left.Count(l => l == b))).ToList(),
            open.Where(a => a.DueOn < today).OrderBy(a => a.DueOn)
                .Select(a => new OverdueMatter(a.Id, a.Code, a.TitleZh, a.TitleEn, a.NameZh, a.NameEn, a.Status, a.DueOn!.Value, -WorkingDays.Left(today, a.DueOn.Value)))
                .ToList());
    }
}

public sealed record StatusCount(string Key, int Value);

public sealed record MatterFigures(IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<StatusCount> ByDaysLeft, IReadOnlyList<OverdueMatter> Overdue);

public sealed record OverdueMatter(Guid ApplicationId, string Code, string TitleZh, string TitleEn, string EnterpriseZh, string EnterpriseEn, string Status,
    DateOnly DueOn, int DaysLate);
