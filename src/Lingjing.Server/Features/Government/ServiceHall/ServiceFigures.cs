using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>
/// The government's figures of its services: per desk over a period (visitors served, waits, no-shows, transfers,
/// satisfaction) and visitors per day; with the overdue matters (<see cref="MatterDeadlines"/>) each table exports as CSV or Excel.
/// </summary>
public sealed class ServiceFigures(LingjingDbContext db, MatterDeadlines deadlines, TimeProvider time, IOptions<LingjingOptions> options)
{
    public static readonly IReadOnlyList<string> Tables = ["desks", "days", "overdue"];

    public async Task<List<DeskFigures>> DesksAsync(int days, CancellationToken ct)
    {
        var tickets = await TicketsAsync(days, ct);
        var desks = await db.Set<ServiceDesk>().AsNoTracking().OrderBy(d => d.Position).ToListAsync(ct);
        return desks.Select(d =>
        {
            var mine = tickets.Where(t => t.DeskId == d.Id).ToList();
            var waits = mine.Where(t => t.CalledAt is not null).Select(t => (t.CalledAt!.Value - t.QueuedAt).TotalMinutes).Order().ToList();
            var rated = mine.Where(t => t.Rating is not null).Select(t => t.Rating!.Value).ToList();
            return new DeskFigures(d.Id, d.Code, d.NameZh, d.NameEn, mine.Count, mine.Count(t => t.Status == TicketStatus.Done),
                waits.Count == 0 ? 0 : Math.Round(waits.Average(), 1), waits.Count == 0 ? 0 : Math.Round(waits[(int)Math.Ceiling(waits.Count * 0.9) - 1], 1),
                mine.Count(t => t.Status == TicketStatus.NoShow), mine.Count(t => t.Status == TicketStatus.Transferred),
                rated.Count == 0 ? null : Math.Round(rated.Average(), 2), rated.Count);
        }).ToList();
    }

    public async Task<List<ServiceDay>> DaysAsync(int days, CancellationToken ct)
    {
        var tickets = await TicketsAsync(days, ct);
        var today = Today();
        return Enumerable.Range(0, days).Select(back => today.AddDays(-days + 1 + back)).Select(day =>
        {
            var of = tickets.Where(t => t.Day == day).ToList();
            var waits = of.Where(t => t.CalledAt is not null).Select(t => (t.CalledAt!.Value - t.QueuedAt).TotalMinutes).ToList();
            return new ServiceDay(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), of.Count(t => t.Status == TicketStatus.Done),
                of.Count(t => t.Status == TicketStatus.NoShow), waits.Count == 0 ? 0 : Math.Round(waits.Average(), 1));
        }).ToList();
    }

    public async Task<ExportTable?> TableAsync(string table, int days, CancellationToken ct) => table switch
    {
        "desks" => new ExportTable("desks", ["Desk", "Name", "Visitors", "Served", "Average wait (min)", "90th percentile wait (min)", "No-shows", "Transfers", "Average rating", "Ratings"],
            (await DesksAsync(days, ct)).Select(d => new object?[] { d.Code, d.NameEn, d.Visitors, d.Served, d.AverageWaitMinutes, d.P90WaitMinutes, d.NoShows, d.Transfers, d.AverageRating, d.Ratings }).ToList()),
        "days" => new ExportTable("days", ["Day", "Served", "No-shows", "Average wait (min)"],
            (await DaysAsync(days, ct)).Select(d => new object?[] { d.Day, d.Served, d.NoShows, d.AverageWaitMinutes }).ToList()),
        "overdue" => new ExportTable("overdue", ["Application", "Matter", "Title", "Enterprise", "Status", "Due on", "Working days late"],
            (await deadlines.FiguresAsync(ct)).Overdue.Select(o => new object?[] { o.ApplicationId, o.Code, o.TitleEn, o.EnterpriseEn, o.Status, o.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o.DaysLate }).ToList()),
        _ => null,
    };

    private async Task<List<ServiceTicket>> TicketsAsync(int days, CancellationToken ct)
    {
        var from = Today().AddDays(-days + 1);
        return await db.Set<ServiceTicket>().AsNoTracking().Where(t => t.Day >= from).ToListAsync(ct);
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime);
}

public sealed record DeskFigures(int DeskId, string Code, string NameZh, string NameEn, int Visitors, int Served, double AverageWaitMinutes,
    double P90WaitMinutes, int NoShows, int Transfers, double? AverageRating, int Ratings);

public sealed record ServiceDay(string Day, int Served, int NoShows, double AverageWaitMinutes);
