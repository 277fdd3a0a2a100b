namespace Lingjing.Server.Features.Events.Stage;

/// <summary>Where one person stands in an event's hall, as far as the stage is concerned: a raised hand, the microphone
/// given to them where they sit, or on the stage. Event-wide (every instance of the hall reads the same rows); one row
/// per person (the primary key), so a hand raised twice is raised once. Nobody in the audience has a row.</summary>
public sealed class StagePlace
{
    public int EventId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string Place { get; set; }
    public DateTime Since { get; set; }
}

public static class StagePlaces
{
    public const string Hand = "hand";
    public const string Microphone = "microphone";
    public const string Stage = "stage";
    /// <summary>Not a stored place: back in the audience (the row goes).</summary>
    public const string Audience = "audience";

    /// <summary>Places that are heard by everyone in every instance of the hall.</summary>
    public static bool Amplified(string place) => place is Microphone or Stage;
}

/// <summary>A message in an event's chat, under the session running when it was written (none before and between
/// sessions). Organisers hide messages; hidden ones stay for the record but nobody sees them.</summary>
public sealed class EventChatMessage
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public int? SessionId { get; set; }
    public Guid UserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public bool Hidden { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed record StagePerson(Guid UserId, string Name, string Place, DateTimeOffset Since);

/// <summary>The stage as a person in the hall sees it: who is on stage and who holds the microphone; the raised hands
/// (names to organisers, a count to everyone); their own place.</summary>
public sealed record StageView(IReadOnlyList<StagePerson> Speakers, IReadOnlyList<StagePerson> Hands, int HandCount, string MyPlace, bool Moderator);

public sealed record ChatLine(long Id, int? SessionId, string AuthorName, string Text, bool Mine, DateTimeOffset At);

public sealed record PlaceInput(string? Place);

public sealed record ChatInput(string? Text);

public sealed record ReactionInput(string? Emoji);
