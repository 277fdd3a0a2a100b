using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>The floor of an event: questions from the audience with upvotes and moderation, polls with live results.
/// Open to the people with a confirmed place and to the organisers, who also moderate and run the polls. An upvote or an
/// answer is one row under a primary key with its count raised in the same transaction, so concurrent clicks count once
/// per person. Every change is signalled to the event's live streams.</summary>
public sealed class EventFloorService(LingjingDbContext db, TimeProvider time, LiveBroadcast<EventSignal> signals)
{
    public const int MaxQuestion = 500, MaxPollOptions = 10, MaxOption = 100;
    private static readonly Field TextField = new("text", "Question");
    private static readonly Field OptionsField = new("options", "Options");

    public async Task<Outcome<EventFloor>> FloorAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await RoleAsync(user, eventId, ct) is not { } role) return NotOnTheFloor(eventId);
        var me = user.UserId()!.Value;
        return View(await SourceAsync(eventId, me, ct), me, role.Organiser);
    }

    /// <summary>The floor as everyone shares it: the questions (hidden ones too), the polls with their tallies, and the
    /// upvotes and answers of <paramref name="only"/> (null: of everyone, for the live streams that each pick their own).</summary>
    internal async Task<FloorSource> SourceAsync(int eventId, Guid? only, CancellationToken ct)
    {
        var questions = await db.Set<EventQuestion>().AsNoTracking().Where(q => q.EventId == eventId)
            .OrderBy(q => q.Status == QuestionStatus.Answered).ThenByDescending(q => q.Upvotes).ThenBy(q => q.Id).Take(200).ToListAsync(ct);
        var ids = questions.Select(q => q.Id).ToList();
        var upvotes = await db.Set<EventQuestionVote>().Where(v => ids.Contains(v.QuestionId) && (only == null || v.UserId == only))
            .Select(v => new { v.UserId, v.QuestionId }).ToListAsync(ct);
        var polls = await db.Set<EventPoll>().AsNoTracking().Where(p => p.EventId == eventId).OrderByDescending(p => p.Id).Take(20).ToListAsync(ct);
        var pollIds = polls.Select(p => p.Id).ToList();
        var counts = await db.Set<EventPollVote>().Where(v => pollIds.Contains(v.PollId)).GroupBy(v => new { v.PollId, v.Option })
            .Select(g => new { g.Key.PollId, g.Key.Option, Count = g.Count() }).ToListAsync(ct);
        var answers = await db.Set<EventPollVote>().Where(v => pollIds.Contains(v.PollId) && (only == null || v.UserId == only))
            .Select(v => new { v.UserId, v.PollId, v.Option }).ToListAsync(ct);
        return new FloorSource(questions, upvotes.ToLookup(v => v.UserId, v => v.QuestionId), polls,
            counts.ToDictionary(c => (c.PollId, c.Option), c => c.Count), answers.ToDictionary(a => (a.PollId, a.UserId), a => a.Option));
    }

    /// <summary>The floor as one person sees it: hidden questions only for organisers, their own upvotes and answers.</summary>
    internal static EventFloor View(FloorSource source, Guid me, bool organiser)
    {
        var upvoted = source.Upvotes[me].ToHashSet();
        return new EventFloor(
            source.Questions.Where(q => organiser || q.Status != QuestionStatus.Hidden)
                .Select(q => new QuestionView(q.Id, q.SessionId, q.AuthorName, q.Text, q.Status, q.Upvotes, upvoted.Contains(q.Id), q.UserId == me,
                    EventTimes.Utc(q.CreatedAt))).ToList(),
            source.Polls.Select(p =>
            {
                var votes = p.Options.Select((_, i) => source.Tallies.GetValueOrDefault((p.Id, i))).ToList();
                return new PollView(p.Id, p.Question, p.Options, votes, votes.Sum(), p.Status, source.Answers.TryGetValue((p.Id, me), out var option) ? option : null);
            }).ToList());
    }

    public async Task<Outcome<QuestionView>> AskAsync(ClaimsPrincipal user, int eventId, QuestionInput input, CancellationToken ct)
    {
        if (await RoleAsync(user, eventId, ct) is null) return NotOnTheFloor(eventId);
        var errors = new FieldErrors();
        errors.Required(TextField, input.Text, MaxQuestion);
        if (input.SessionId is { } sessionId && !await db.Set<EventSession>().AnyAsync(s => s.Id == sessionId && s.EventId == eventId, ct))
            errors.Add(new Field("sessionId", "Session"), "This event has no session {0}.", sessionId);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var question = new EventQuestion
        {
            EventId = eventId, SessionId = input.SessionId, UserId = user.UserId()!.Value, AuthorName = user.DisplayName(), Text = input.Text!.Trim(),
            Status = QuestionStatus.Open, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(question);
        await db.SaveChangesAsync(ct);
        signals.Publish(new EventSignal(eventId));
        return new QuestionView(question.Id, question.SessionId, question.AuthorName, question.Text, question.Status, 0, false, true,
            EventTimes.Utc(question.CreatedAt));
    }

    /// <summary>Adds the person's upvote; a second upvote of theirs changes nothing. Answers the question's upvotes.</summary>
    public async Task<Outcome<int>> UpvoteAsync(ClaimsPrincipal user, int eventId, int questionId, CancellationToken ct)
    {
        if (await RoleAsync(user, eventId, ct) is null) return NotOnTheFloor(eventId);
        if (!await db.Set<EventQuestion>().AnyAsync(q => q.Id == questionId && q.EventId == eventId && q.Status != QuestionStatus.Hidden, ct))
            return Failure.NotFound("This event has no question {0}.", questionId);
        var me = user.UserId()!.Value;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(new EventQuestionVote { QuestionId = questionId, UserId = me });
            try
            {
                await db.SaveChangesAsync(ct);
                await db.Set<EventQuestion>().Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Upvotes, q => q.Upvotes + 1), ct);
                await transaction.CommitAsync(ct);
                signals.Publish(new EventSignal(eventId));
            }
            catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
            {
                // Upvoted already (perhaps a moment ago, in another tab): one upvote per person.
            }
        }
        db.ChangeTracker.Clear();
        return await db.Set<EventQuestion>().Where(q => q.Id == questionId).Select(q => q.Upvotes).FirstAsync(ct);
    }

    /// <summary>Organisers mark a question answered, hide it (it leaves the audience's list) or open it again.</summary>
    public async Task<Outcome<string>> ModerateAsync(ClaimsPrincipal user, int eventId, int questionId, string? status, CancellationToken ct)
    {
        if (await RoleAsync(user, eventId, ct) is not { Organiser: true }) return EventService.NoEvent(eventId);
        string[] allowed = [QuestionStatus.Open, QuestionStatus.Answered, QuestionStatus.Hidden];
        if (status is null || !allowed.Contains(status)) return Failure.NotOneOf(new Field("status", "Status"), status ?? "", allowed);
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.Set<EventQuestion>().Where(q => q.Id == questionId && q.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, status).SetProperty(q => q.AnsweredAt, q => status == QuestionStatus.Answered ? now : q.AnsweredAt), ct);
        if (changed == 0) return Failure.NotFound("This event has no question {0}.", questionId);
        signals.Publish(new EventSignal(eventId));
        return status;
    }

    public async Task<Outcome<int>> OpenPollAsync(ClaimsPrincipal user, int eventId, PollInput input, CancellationToken ct)
    {
        if (await RoleAsync(user, eventId, ct) is not { Organiser: true }) return EventService.NoEvent(eventId);
        var errors = new FieldErrors();
        errors.Required(new Field("question", "Question"), input.Question, MaxQuestion);
        var options = (input.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (options.Count is < 2 or > MaxPollOptions) errors.Add(OptionsField, "From {0} to {1} options.", 2, MaxPollOptions);
        else if (options.Any(o => o.Length is 0 or > MaxOption)) errors.Add(OptionsField, "Each option has 1 to {0} characters.", MaxOption);
        else if (options.Distinct(StringComparer.Ordinal).Count() != options.Count) errors.Add(OptionsField, "Each option once.");
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var poll = new EventPoll { EventId = eventId, Question = input.Question!.Trim(), Options = options, Status = PollStatus.Open, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Add(poll);
        await db.SaveChangesAsync(ct);
        signals.Publish(new EventSignal(eventId));
        return poll.Id;
    }

    public async Task<Outcome<string>> ClosePollAsync(ClaimsPrincipal user, int eventId, int pollId, CancellationToken ct)
    {
        if (await RoleAsync(user, eventId, ct) is not { Organiser: true }) return EventService.NoEvent(eventId);
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Set<EventPoll>().Where(p => p.Id == pollId && p.EventId == eventId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PollStatus.Closed).SetProperty(p => p.ClosedAt, now), ct) == 0)
            return Failure.NotFound("This event has no poll {0}.", pollId);
        signals.Publish(new EventSignal(eventId));
        return PollStatus.Closed;
    }

    /// <summary>The person's one answer to an open poll.</summary>
    public async Task<Outcome<int>> VoteAsync(ClaimsPrincipal user, int eventId, int pollId, int? option, CancellationToken ct)
    {
        if (await RoleAsync(user, eventId, ct) is null) return NotOnTheFloor(eventId);
        var poll = await db.Set<EventPoll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId && p.EventId == eventId, ct);
        if (poll is null) return Failure.NotFound("This event has no poll {0}.", pollId);
        if (poll.Status != PollStatus.Open) return Failure.Conflict("The poll is closed.");
        if (option is not { } chosen || chosen < 0 || chosen >= poll.Options.Count)
            return Failure.Invalid("Choose one of the {0} options (0 to {1}).", poll.Options.Count, poll.Options.Count - 1);
        db.Add(new EventPollVote { PollId = pollId, UserId = user.UserId()!.Value, Option = chosen, VotedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            return Failure.Conflict("You have answered this poll.");
        }
        signals.Publish(new EventSignal(eventId));
        return chosen;
    }

    /// <summary>Who the person is on this event's floor: an organiser, someone with a confirmed place, or nobody (null).</summary>
    internal async Task<FloorRole?> RoleAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        var e = await db.Set<Event>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId && x.Status == EventStatus.Published, ct);
        if (e is null || user.UserId() is not { } me) return null;
        if (Organiser.Manages(user, e)) return new FloorRole(true);
        return await db.Set<EventRegistration>().AnyAsync(r => r.EventId == eventId && r.UserId == me && r.Status == RegistrationStatus.Confirmed, ct)
            ? new FloorRole(false) : null;
    }

    private static Failure NotOnTheFloor(int eventId) =>
        Failure.Forbidden("Questions and polls of event {0} are for the people registered and its organisers.", eventId);

    internal sealed record FloorRole(bool Organiser);
}

/// <summary>See <see cref="EventFloorService.SourceAsync"/>: upvoted question ids by person, poll tallies by (poll,
/// option), answers by (poll, person).</summary>
internal sealed record FloorSource(IReadOnlyList<EventQuestion> Questions, ILookup<Guid, int> Upvotes, IReadOnlyList<EventPoll> Polls,
    IReadOnlyDictionary<(int Poll, int Option), int> Tallies, IReadOnlyDictionary<(int Poll, Guid User), int> Answers);
