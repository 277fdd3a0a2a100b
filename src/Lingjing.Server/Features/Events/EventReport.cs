using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Events.Interaction;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events;

/// <summary>How an event went, for its organisers: registrations, cancellations and check-ins per day (the event's
/// clock) with the running total; the headline figures (online attendance, peak concurrency, the sessions' ratings, the
/// booths' visits and leads); attendance minute by minute; and the tables they download.</summary>
public sealed class EventReport(LingjingDbContext db, EventRegistrations registrations)
{
    public static readonly IReadOnlyList<string> Tables = ["registrations", "questions", "polls", "attendance", "sessions", "booths"];

    public async Task<Outcome<EventFigures>> FiguresAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await Organiser.ManagedEventAsync(db, user, eventId, ct) is not { } e) return EventService.NoEvent(eventId);
        var people = await db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed)
            .GroupBy(_ => 1).Select(g => new { Confirmed = g.Count(), CheckedIn = g.Count(r => r.CheckedInAt != null), Online = g.Count(r => r.JoinedOnlineAt != null) })
            .FirstOrDefaultAsync(ct);
        var minutes = await AttendanceRowsAsync(eventId, ct);
        (DateTime Minute, int Present)? peak = minutes.Count == 0 ? null : minutes.MaxBy(m => m.Present);
        return new EventFigures(people?.Confirmed ?? 0, people?.CheckedIn ?? 0, people?.Online ?? 0, peak?.Present ?? 0,
            peak is { } top ? EventTimes.Utc(top.Minute) : null,
            await db.Set<EventQuestion>().CountAsync(q => q.EventId == eventId, ct),
            await SessionsAsync(eventId, ct), await BoothsAsync(eventId, ct));
    }

    /// <summary>How many people were in the event's halls, minute by minute (the sum of the nodes' counts).</summary>
    public async Task<Outcome<IReadOnlyList<PresenceMinute>>> AttendanceAsync(ClaimsPrincipal user, int eventId, CancellationToken ct) =>
        await Organiser.ManagedEventAsync(db, user, eventId, ct) is null
            ? EventService.NoEvent(eventId)
            : (await AttendanceRowsAsync(eventId, ct)).Select(m => new PresenceMinute(EventTimes.Utc(m.Minute), m.Present)).ToList();

    private async Task<List<(DateTime Minute, int Present)>> AttendanceRowsAsync(int eventId, CancellationToken ct) =>
        (await db.Set<Presence.EventPresence>().AsNoTracking().Where(p => p.EventId == eventId)
            .GroupBy(p => p.Minute).Select(g => new { Minute = g.Key, Present = g.Sum(p => p.Present) }).ToListAsync(ct))
        .OrderBy(m => m.Minute).Select(m => (m.Minute, m.Present)).ToList();

    private async Task<IReadOnlyList<SessionFigure>> SessionsAsync(int eventId, CancellationToken ct)
    {
        var sessions = await db.Set<EventSession>().AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var ratings = await db.Set<Presence.EventSessionRating>().Where(r => ids.Contains(r.SessionId)).GroupBy(r => r.SessionId)
            .Select(g => new { SessionId = g.Key, Count = g.Count(), Sum = g.Sum(r => r.Stars) }).ToDictionaryAsync(r => r.SessionId, ct);
        return sessions.Select(s => ratings.TryGetValue(s.Id, out var r)
            ? new SessionFigure(s.Id, s.TitleZh, s.TitleEn, EventTimes.Utc(s.StartsAt), r.Count, Math.Round((double)r.Sum / r.Count, 2))
            : new SessionFigure(s.Id, s.TitleZh, s.TitleEn, EventTimes.Utc(s.StartsAt), 0, 0)).ToList();
    }

    private async Task<IReadOnlyList<BoothFigure>> BoothsAsync(int eventId, CancellationToken ct)
    {
        var booths = await (from b in db.Set<Expo.Booth>().AsNoTracking()
                            join x in db.Set<Zone.Enterprise>() on b.EnterpriseId equals x.Id
                            where b.EventId == eventId
                            orderby b.Code
                            select new { b.Id, b.Code, x.NameZh, x.NameEn }).ToListAsync(ct);
        var ids = booths.Select(b => b.Id).ToList();
        var visits = await db.Set<Expo.BoothVisit>().Where(v => ids.Contains(v.BoothId)).GroupBy(v => v.BoothId)
            .Select(g => new { BoothId = g.Key, Visits = g.Count(), Visitors = g.Select(v => v.UserId).Distinct().Count() }).ToDictionaryAsync(v => v.BoothId, ct);
        var leads = await db.Set<Expo.BoothLead>().Where(l => ids.Contains(l.BoothId)).GroupBy(l => l.BoothId)
            .Select(g => new { BoothId = g.Key, Count = g.Count() }).ToDictionaryAsync(l => l.BoothId, l => l.Count, ct);
        return booths.Select(b => new BoothFigure(b.Id, b.Code, b.NameZh, b.NameEn, visits.GetValueOrDefault(b.Id)?.Visits ?? 0,
            visits.GetValueOrDefault(b.Id)?.Visitors ?? 0, leads.GetValueOrDefault(b.Id))).ToList();
    }

    public async Task<Outcome<IReadOnlyList<EventDay>>> DaysAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await Organiser.ManagedEventAsync(db, user, eventId, ct) is not { } e) return EventService.NoEvent(eventId);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);
        var rows = await db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == eventId)
            .Select(r => new { r.RegisteredAt, r.Status, r.DecidedAt, r.CheckedInAt }).ToListAsync(ct);
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
        var registered = rows.GroupBy(r => Day(r.RegisteredAt)).ToDictionary(g => g.Key, g => g.Count());
        var cancelled = rows.Where(r => r.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined && r.DecidedAt is not null)
            .GroupBy(r => Day(r.DecidedAt!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var checkedIn = rows.Where(r => r.CheckedInAt is not null).GroupBy(r => Day(r.CheckedInAt!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var days = registered.Keys.Concat(cancelled.Keys).Concat(checkedIn.Keys).ToList();
        if (days.Count == 0) return new List<EventDay>();
        var (first, last) = (days.Min(), days.Max());
        var result = new List<EventDay>();
        var total = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var (up, down, inside) = (registered.GetValueOrDefault(day), cancelled.GetValueOrDefault(day), checkedIn.GetValueOrDefault(day));
            total += up - down;
            result.Add(new EventDay(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), up, down, inside, total));
        }
        return result;
    }

    public async Task<Outcome<ExportTable>> TableAsync(ClaimsPrincipal user, int eventId, string table, CancellationToken ct)
    {
        if (await Organiser.ManagedEventAsync(db, user, eventId, ct) is not { } e) return EventService.NoEvent(eventId);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);
        string? Local(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;
        switch (table)
        {
            case "registrations":
                var people = (await registrations.ListAsync(user, eventId, ct)).Value!;
                return new ExportTable("registrations", Headings("Name", "E-mail", "Status", "Attendance", "Registered at", "Checked in at"),
                    [.. people.Items.Select(r => new object?[] { r.Name, r.Email, Pages.EventNames.Registration(r.Status), Pages.EventNames.Attendance(r.Attendance), Local(r.RegisteredAt), Local(r.CheckedInAt) })]);
            case "questions":
                var questions = await db.Set<EventQuestion>().AsNoTracking().Where(q => q.EventId == eventId).OrderByDescending(q => q.Upvotes).ToListAsync(ct);
                return new ExportTable("questions", Headings("Question", "Asked by", "Upvotes", "Status", "Asked at"),
                    [.. questions.Select(q => new object?[] { q.Text, q.AuthorName, q.Upvotes, Pages.EventNames.Question(q.Status), Local(EventTimes.Utc(q.CreatedAt)) })]);
            case "attendance":
                return new ExportTable("attendance", Headings("Minute", "People in the hall"),
                    [.. (await AttendanceRowsAsync(eventId, ct)).Select(m => new object?[] { Local(EventTimes.Utc(m.Minute)), m.Present })]);
            case "sessions":
                return new ExportTable("sessions", Headings("Session", "Starts at", "Ratings", "Average stars"),
                    [.. (await SessionsAsync(eventId, ct)).Select(x => new object?[] { Components.Shared.Bilingual.Pick(x.TitleZh, x.TitleEn), Local(x.StartsAt), x.Ratings, x.Average })]);
            case "booths":
                return new ExportTable("booths", Headings("Booth", "Exhibitor", "Visits", "Visitors", "Cards left"),
                    [.. (await BoothsAsync(eventId, ct)).Select(b => new object?[] { b.Code, Components.Shared.Bilingual.Pick(b.ExhibitorZh, b.ExhibitorEn), b.Visits, b.Visitors, b.Leads })]);
            default:
                var polls = await db.Set<EventPoll>().AsNoTracking().Where(p => p.EventId == eventId).OrderBy(p => p.Id).ToListAsync(ct);
                var ids = polls.Select(p => p.Id).ToList();
                var counts = await db.Set<EventPollVote>().Where(v => ids.Contains(v.PollId)).GroupBy(v => new { v.PollId, v.Option })
                    .Select(g => new { g.Key.PollId, g.Key.Option, Count = g.Count() }).ToListAsync(ct);
                return new ExportTable("polls", Headings("Poll", "Option", "Answers"),
                    [.. polls.SelectMany(p => p.Options.Select((option, i) => new object?[]
                        { p.Question, option, counts.FirstOrDefault(c => c.PollId == p.Id && c.Option == i)?.Count ?? 0 }))]);
        }
    }


    private static IReadOnlyList<string> Headings(params string[] english) => [.. english.Select(e => new Phrase(e).Localized())];
}

/// <summary>The headline figures of an event for its organisers.</summary>
/// <param name="PeakPresent">The most people in the event's halls at once (in any minute), and <paramref name="PeakAt"/> that minute.</param>
public sealed record EventFigures(int Confirmed, int CheckedIn, int JoinedOnline, int PeakPresent, DateTimeOffset? PeakAt, int Questions,
    IReadOnlyList<SessionFigure> Sessions, IReadOnlyList<BoothFigure> Booths);

public sealed record SessionFigure(int Id, string TitleZh, string TitleEn, DateTimeOffset StartsAt, int Ratings, double Average);

public sealed record BoothFigure(int Id, string Code, string ExhibitorZh, string ExhibitorEn, int Visits, int Visitors, int Leads);

public sealed record PresenceMinute(DateTimeOffset Minute, int Present);

/// <summary>One day of an event's registrations, in the event's clock; <see cref="Total"/> is the running count of places.</summary>
public sealed record EventDay(string Day, int Registrations, int Cancellations, int CheckIns, int Total);
