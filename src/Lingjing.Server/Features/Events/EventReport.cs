using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Events.Interaction;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Exports;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events;

/// <summary>How an event went, for its organisers: registrations, cancellations and check-ins per day (the event's
/// clock) with the running total, and the tables they download.</summary>
public sealed class EventReport(LingjingDbContext db, EventRegistrations registrations)
{
    public static readonly IReadOnlyList<string> Tables = ["registrations", "questions", "polls"];

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

/// <summary>One day of an event's registrations, in the event's clock; <see cref="Total"/> is the running count of places.</summary>
public sealed record EventDay(string Day, int Registrations, int Cancellations, int CheckIns, int Total);
