using System.Globalization;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Features.Government.ServiceHall;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Lingjing.Server.Features.PolicyServices;

namespace Lingjing.Server.Features.Government.Demo;

/// <summary>Seeds the demo service hall once: a desk per category with its hours and one of the zone's meeting rooms to book for an appointment,
/// the officials' schedules, and three months of served visitors (waits, outcomes, no-shows, transfers, ratings), so
/// the hall and the government's figures have something to show on first start.</summary>
internal sealed class DemoServiceHallSeeder(LingjingDbContext db, IOptions<LingjingOptions> options, TimeProvider time) : IDataInitializer
{
    public const string SettingKey = "demo.service-hall.seeded";
    private const long SeedLockKey = 83881858788741;
    private const int Days = 90;

    public int Order => 36;

    private static readonly (string Code, string Category, string Weekdays, string Hours)[] Desks =
    [
        ("A", ServiceCategories.EnterpriseServices, "1-5", "09:00-12:00,13:30-17:30"),
        ("B", ServiceCategories.PolicyConsultation, "1-5", "09:00-12:00,13:30-17:30"),
        ("C", ServiceCategories.Talent, "1-5", "09:00-12:00,13:30-17:00"),
        ("D", ServiceCategories.CopyrightIp, "1-5", "09:00-12:00,13:30-17:30"),
        ("E", ServiceCategories.EventPermits, "1-6", "09:00-12:00"),
    ];

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.Value.Demo) await DemoAddition.SeedOnceAsync(db, SettingKey, SeedLockKey, () => SeedAsync(ct), ct);
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<ServiceDesk>().AnyAsync(ct)) return;
        // Appointments are bookings of the zone's own meeting rooms, one per desk: the first park's, then the next ones'.
        var rooms = await db.Set<Space>().AsNoTracking().Where(s => s.SpaceType == AppointmentRooms.SpaceType).OrderBy(s => s.ParkId).ThenBy(s => s.Id)
            .Select(s => s.Id).Take(Desks.Length).ToListAsync(ct);
        var desks = new List<ServiceDesk>();
        foreach (var (spec, i) in Desks.Select((d, i) => (d, i)))
        {
            var (zh, en) = ServiceCategories.Name(spec.Category);
            desks.Add(new ServiceDesk
            {
                Code = spec.Code, Category = spec.Category, NameZh = zh + "窗口", NameEn = en + " desk", Hours = spec.Hours,
                Weekdays = spec.Weekdays == "1-6" ? DeskHours.MondayToFriday | DeskHours.Bit(DayOfWeek.Saturday) : DeskHours.MondayToFriday,
                AppointmentSpaceId = i < rooms.Count ? rooms[i] : null, Position = i,
            });
        }
        db.AddRange(desks);
        await db.SaveChangesAsync(ct);

        var officials = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("official")).OrderBy(u => u.Email).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        // Five officials each keep a desk on weekdays; the sixth covers them in turn and serves Saturdays at E.
        for (var i = 0; i < officials.Count; i++)
            db.Add(i < desks.Count
                ? new DeskOfficial { DeskId = desks[i].Id, UserId = officials[i].Id, Weekdays = desks[i].Weekdays }
                : new DeskOfficial { DeskId = desks[^1].Id, UserId = officials[i].Id, Weekdays = DeskHours.Bit(DayOfWeek.Saturday) | DeskHours.Bit(DayOfWeek.Wednesday) });
        await db.SaveChangesAsync(ct);

        var visitors = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("user") || u.Email!.StartsWith("ent0")).OrderBy(u => u.Email).Take(600)
            .Select(u => new { u.Id, u.DisplayName, u.EnterpriseId }).ToListAsync(ct);
        if (visitors.Count == 0 || officials.Count == 0) return;
        var random = new Random(options.Value.DemoSeed + 23);
        var zone = options.Value.ZoneTimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var tickets = new List<ServiceTicket>();
        for (var back = Days; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            foreach (var (desk, d) in desks.Select((desk, d) => (desk, d)))
            {
                if ((desk.Weekdays & DeskHours.Bit(day.DayOfWeek)) == 0) continue;
                var periods = DeskHours.Periods(desk.Hours);
                var official = officials[d < officials.Count ? d : 0];
                var free = day.ToDateTime(periods[0].From);
                var count = random.Next(4, 15);
                for (var n = 1; n <= count; n++)
                {
                    var (from, to) = periods[random.Next(periods.Count)];
                    var taken = day.ToDateTime(from).AddMinutes(random.Next(0, Math.Max(1, (int)(to - from).TotalMinutes - 30)));
                    var called = (taken > free ? taken : free).AddMinutes(random.Next(1, 12));
                    var served = called.AddMinutes(random.Next(4, 21));
                    free = served;
                    var visitor = visitors[random.Next(visitors.Count)];
                    var roll = random.Next(100);
                    var status = roll < 85 ? TicketStatus.Done : roll < 93 ? TicketStatus.NoShow : roll < 97 ? TicketStatus.Transferred : TicketStatus.Left;
                    var ticket = new ServiceTicket
                    {
                        Id = Guid.NewGuid(), DeskId = desk.Id, Day = day, Sequence = n, Number = desk.Code + n.ToString("000", CultureInfo.InvariantCulture),
                        UserId = visitor.Id, VisitorName = visitor.DisplayName, EnterpriseId = visitor.EnterpriseId, Status = status,
                        TakenAt = Utc(taken, zone), QueuedAt = Utc(taken, zone),
                        CalledAt = status == TicketStatus.Left ? null : Utc(called, zone),
                        FinishedAt = Utc(status == TicketStatus.Left ? taken.AddMinutes(random.Next(3, 20)) : status == TicketStatus.NoShow ? called.AddMinutes(3) : served, zone),
                        OfficialId = status == TicketStatus.Left ? null : official.Id, OfficialName = status == TicketStatus.Left ? null : official.DisplayName,
                        Outcome = status switch
                        {
                            TicketStatus.Done => Outcomes[random.Next(Outcomes.Length)],
                            TicketStatus.Transferred => $"已转至 {desks[(d + 1) % desks.Count].Code} 号窗口 · Transferred to desk {desks[(d + 1) % desks.Count].Code}.",
                            _ => null,
                        },
                    };
                    if (status == TicketStatus.Done && random.Next(10) < 7)
                    {
                        ticket.Rating = random.Next(10) switch { 0 => 2, 1 or 2 => 3, 3 or 4 or 5 => 4, _ => 5 };
                        if (random.Next(3) == 0) ticket.RatingComment = ticket.Rating >= 4 ? "办理很快，讲解清楚。Quick and clearly explained." : "等候时间偏长。The wait was long.";
                    }
                    tickets.Add(ticket);
                }
            }
        }
        db.AddRange(tickets);
        await db.SaveChangesAsync(ct);
    }

    private static DateTime Utc(DateTime local, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    private static readonly string[] Outcomes =
    [
        "已解答，申请人将在线提交材料。Answered; the applicant will apply online.",
        "材料齐全，当场受理。Materials complete; accepted on the spot.",
        "告知需补充的材料清单。Told which materials are missing.",
        "已预约下周复核。A follow-up was booked for next week.",
        "政策适用情况已说明。Explained which policies apply.",
    ];
}
