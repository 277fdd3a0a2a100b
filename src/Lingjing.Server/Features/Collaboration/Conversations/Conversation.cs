namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>A thread between two parties about a need or an offer: the starter (an enterprise or institution that wrote
/// first) and the other side (the need's enterprise, or the offer's enterprise or institution). One thread per topic and
/// starter (<see cref="TopicKey"/> is unique), so writing again about the same need continues it.</summary>
public sealed class Conversation
{
    public int Id { get; set; }
    public int? NeedId { get; set; }
    public int? OfferId { get; set; }
    public int? StarterEnterpriseId { get; set; }
    public int? StarterInstitutionId { get; set; }
    public int? OtherEnterpriseId { get; set; }
    public int? OtherInstitutionId { get; set; }
    /// <summary><c>need:{id}/{kind}:{id}</c> or <c>offer:{id}/{kind}:{id}</c>, unique: two people of the same enterprise
    /// starting at once end in one thread.</summary>
    public required string TopicKey { get; set; }
    /// <summary>The need's or offer's title when the thread started.</summary>
    public required string Subject { get; set; }
    public Guid? StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime LastMessageAt { get; set; }
    public int LastMessageId { get; set; }
    /// <summary>Messages of the other side each side has not read yet, kept by the writes so lists need no counting.</summary>
    public int StarterUnread { get; set; }
    public int OtherUnread { get; set; }
    /// <summary>The last message each side has read.</summary>
    public int StarterReadTo { get; set; }
    public int OtherReadTo { get; set; }

    public Party Starter => new(StarterEnterpriseId, StarterInstitutionId);
    public Party Other => new(OtherEnterpriseId, OtherInstitutionId);

    /// <summary>Which side the party is on, or null when it is on neither.</summary>
    public string? SideOf(Party? party) =>
        party is not { } p ? null : p == Starter ? ConversationSides.Starter : p == Other ? ConversationSides.Other : null;

    public static string Topic(int? needId, int? offerId, Party starter) =>
        (needId is { } need ? $"need:{need}" : $"offer:{offerId}") + $"/{starter.Kind}:{starter.Id}";
}

public static class ConversationSides
{
    public const string Starter = "starter";
    public const string Other = "other";

    public static string Opposite(string side) => side == Starter ? Other : Starter;
}
