using System.Security.Cryptography;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Features.Events.Expo;
using Lingjing.Server.Features.Events.Presence;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events.Demo;

/// <summary>Seeds the events of <see cref="DemoEventPlan"/> once, after the zone, with registrations from demo
/// employees (and check-ins for the events already over); enterprise 1 is permitted to organise and holds the launch.</summary>
internal sealed class DemoEventSeeder(LingjingDbContext db, IOptions<LingjingOptions> options, TimeProvider time, ILogger<DemoEventSeeder> logger) : IDataInitializer
{
    public const string SettingKey = "demo.events.seeded";
    private const long SeedLockKey = 83881858788731;

    public int Order => 45;

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.Value.Demo) await DemoAddition.SeedOnceAsync(db, SettingKey, SeedLockKey, () => SeedAsync(ct), ct);
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Event>().AnyAsync(ct)) return;
        var zone = options.Value.ZoneTimeZone;
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var government = await UserIdAsync(DemoAccountGenerator.GovernmentEmail, ct);
        var employees = await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.Employee
                               orderby u.Email
                               select u.Id).Take(800).ToListAsync(ct);
        var random = new Random(options.Value.DemoSeed + 16);
        db.Add(new EventOrganiser { EnterpriseId = 1, GrantedBy = government, GrantedAt = now });
        var registrations = 0;
        foreach (var plan in DemoEventPlan.Events)
        {
            DateTime At(int day, int hour, int minute = 0) =>
                TimeZoneInfo.ConvertTimeToUtc(today.AddDays(plan.DayOffset + day).ToDateTime(new TimeOnly(hour, minute)), zone);
            var parkId = plan.Organiser == Organisers.Park ? int.Parse(plan.Venue.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            var e = new Event
            {
                TitleZh = plan.TitleZh, TitleEn = plan.TitleEn, DescriptionZh = plan.DescriptionZh, DescriptionEn = plan.DescriptionEn, Kind = plan.Kind,
                OrganiserKind = plan.Organiser, ParkId = parkId, EnterpriseId = plan.Organiser == Organisers.Enterprise ? 1 : null,
                CreatedBy = government, StartsAt = At(0, plan.StartHour), EndsAt = At(plan.Days - 1, plan.EndHour), TimeZone = options.Value.TimeZone,
                Venue = plan.Venue, Capacity = plan.Capacity, SeatsTaken = plan.Registered, Registration = plan.Registration, Status = EventStatus.Published,
                CreatedAt = now.AddDays(-45), UpdatedAt = now.AddDays(-45),
            };
            db.Add(e);
            await db.SaveChangesAsync(ct);
            db.AddRange(plan.Talks.Select(t => new EventSession
            {
                EventId = e.Id, TitleZh = t.TitleZh, TitleEn = t.TitleEn, Room = t.Room, StartsAt = At(t.Day, t.StartHour, t.StartMinute),
                EndsAt = At(t.Day, t.StartHour, t.StartMinute).AddMinutes(t.Minutes), Speakers = [.. t.Speakers],
            }));
            if (plan.Kind == EventKinds.Conference) await PlaceExhibitorsAsync(Halls.Of(e.Id), e.Id, 1, DemoEventPlan.ConferenceExhibitors, now, ct);
            var over = e.EndsAt <= now;
            var online = new List<Guid>();
            foreach (var person in employees.OrderBy(_ => random.Next()).Take(plan.Registered))
            {
                var pending = plan.Registration == RegistrationModes.Approval && random.NextDouble() < 0.4;
                var attendance = random.NextDouble() < 0.6 ? Attendance.Online : Attendance.InPerson;
                var joined = over && !pending && attendance == Attendance.Online && random.NextDouble() < 0.75;
                if (joined) online.Add(person);
                db.Add(new EventRegistration
                {
                    Id = Guid.NewGuid(), EventId = e.Id, UserId = person, Status = pending ? RegistrationStatus.Pending : RegistrationStatus.Confirmed,
                    Attendance = attendance,
                    TicketCode = RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 10),
                    RegisteredAt = e.StartsAt.AddDays(-2 - random.Next(20)),
                    CheckedInAt = over && attendance == Attendance.InPerson && random.NextDouble() < plan.CheckedIn ? e.StartsAt.AddMinutes(-random.Next(40)) : null,
                    JoinedOnlineAt = joined ? e.StartsAt.AddMinutes(random.Next(-30, 60)) : null,
                });
                registrations++;
            }
            if (over)
            {
                await db.SaveChangesAsync(ct);
                await SeedHowItWentAsync(e, online, random, ct);
            }
        }
        await PlaceExhibitorsAsync(Halls.Demonstration, null, DemoEventPlan.ConferenceExhibitors + 1, DemoEventPlan.DemonstrationShowcases, now, ct);
        db.Add(new SystemSetting { Key = SettingKey, Value = JsonSerializer.Serialize(new { events = DemoEventPlan.Events.Count, registrations, at = time.GetUtcNow() }) });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the demo events ({Events} events, {Registrations} registrations)", DemoEventPlan.Events.Count, registrations);
    }

    /// <summary>For an event already over: the people in its hall minute by minute through each day's hours (filling up
    /// in the first half hour, thinning towards the end), and ratings of its sessions from a third of those who came online.</summary>
    private async Task SeedHowItWentAsync(Event e, IReadOnlyList<Guid> online, Random random, CancellationToken ct)
    {
        var (open, close) = (e.StartsAt.TimeOfDay, e.EndsAt.TimeOfDay);
        for (var day = e.StartsAt.Date; day <= e.EndsAt.Date; day = day.AddDays(1))
        {
            var minutes = (int)(close - open).TotalMinutes;
            for (var m = 0; m < minutes; m++)
            {
                var fill = Math.Min(1, m / 30.0) * (1 - 0.5 * Math.Max(0, (m - minutes * 0.7) / (minutes * 0.3)));
                db.Add(new EventPresence
                {
                    EventId = e.Id, NodeId = "demo", Minute = DateTime.SpecifyKind(day + open, DateTimeKind.Utc).AddMinutes(m),
                    Present = (int)Math.Round(online.Count * fill * (0.85 + 0.15 * random.NextDouble())),
                });
            }
        }
        var sessions = await db.Set<EventSession>().Where(x => x.EventId == e.Id).Select(x => new { x.Id, x.EndsAt }).ToListAsync(ct);
        foreach (var session in sessions)
            foreach (var person in online.Where(_ => random.NextDouble() < 0.33))
                db.Add(new EventSessionRating { SessionId = session.Id, UserId = person, Stars = 3 + random.Next(3) - (random.NextDouble() < 0.1 ? 1 : 0), RatedAt = session.EndsAt });
    }

    /// <summary>Booths for enterprises <paramref name="first"/> on, ten to a row of the floor plan (A01, A02, ... B01, ...),
    /// showing each enterprise's own description.</summary>
    private async Task PlaceExhibitorsAsync(string hall, int? eventId, int first, int count, DateTime now, CancellationToken ct)
    {
        var enterprises = await db.Set<Enterprise>().AsNoTracking().Where(x => x.Id >= first && x.Id < first + count).OrderBy(x => x.Id).ToListAsync(ct);
        db.AddRange(enterprises.Select((x, i) => new Booth
        {
            Hall = hall, EventId = eventId, EnterpriseId = x.Id, Code = $"{(char)('A' + i / 10)}{i % 10 + 1:00}", Row = i / 10, Col = i % 10,
            TitleZh = x.NameZh, TitleEn = x.NameEn, DescriptionZh = x.DescriptionZh, DescriptionEn = "", Tags = [.. x.Tags.Take(ExpoService.MaxTags)],
            CreatedAt = now, UpdatedAt = now,
        }));
    }

    private Task<Guid> UserIdAsync(string email, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstAsync(ct);
    }
}
