namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>A question from the audience, event-wide (every instance of the hall sees the same list), optionally about
/// one session. <see cref="Upvotes"/> counts rows of <see cref="EventQuestionVote"/>, raised in the same transaction.</summary>
public sealed class EventQuestion
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int? SessionId { get; set; }
    public Guid UserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public required string Status { get; set; }
    public int Upvotes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>One person's upvote of a question: at most one (the primary key).</summary>
public sealed class EventQuestionVote
{
    public int QuestionId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>A poll the organisers put to the audience, with its options in order.</summary>
public sealed class EventPoll
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string Question { get; set; }
    public List<string> Options { get; set; } = [];
    public required string Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>One person's answer to a poll: at most one (the primary key).</summary>
public sealed class EventPollVote
{
    public int PollId { get; set; }
    public Guid UserId { get; set; }
    public int Option { get; set; }
    public DateTime VotedAt { get; set; }
}

public static class QuestionStatus
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Hidden = "hidden";
}

public static class PollStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>Something of an event's floor changed: its live streams read the Q&amp;A, polls, stage and chat again. A
/// <paramref name="Stage"/> change also tells every node to amplify whoever is on stage now in its copies of the hall;
/// <paramref name="Reactions"/> (emoji and count since the last signal) are passed on as they are, with nothing re-read.</summary>
public sealed record EventSignal(int EventId, bool Stage = false, IReadOnlyDictionary<string, int>? Reactions = null);

public sealed record QuestionView(int Id, int? SessionId, string AuthorName, string Text, string Status, int Upvotes, bool UpvotedByMe, bool Mine, DateTimeOffset CreatedAt);

public sealed record PollView(int Id, string Question, IReadOnlyList<string> Options, IReadOnlyList<int> Votes, int Total, string Status, int? MyVote);

/// <summary>What an attendee's screen shows of the Q&amp;A and the polls: questions by upvotes (hidden ones to organisers
/// only), polls newest first with their live results.</summary>
public sealed record EventFloor(IReadOnlyList<QuestionView> Questions, IReadOnlyList<PollView> Polls);

public sealed record QuestionInput(string? Text, int? SessionId);

public sealed record PollInput(string? Question, IReadOnlyList<string>? Options);

public sealed record VoteInput(int? Option);

public sealed record ModerationInput(string? Status);
