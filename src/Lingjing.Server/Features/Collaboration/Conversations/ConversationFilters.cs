using System.Linq.Expressions;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Which threads and messages are a party's, as conditions on one column each, so the database uses the
/// indexes on the party columns (a comparison with a nullable parameter would not).</summary>
internal static class ConversationFilters
{
    public static Expression<Func<Conversation, bool>> Involving(Party p)
    {
        if (p.EnterpriseId is { } e) return c => c.StarterEnterpriseId == e || c.OtherEnterpriseId == e;
        var i = p.InstitutionId!.Value;
        return c => c.StarterInstitutionId == i || c.OtherInstitutionId == i;
    }

    public static Expression<Func<Conversation, bool>> StartedBy(Party p)
    {
        if (p.EnterpriseId is { } e) return c => c.StarterEnterpriseId == e;
        var i = p.InstitutionId!.Value;
        return c => c.StarterInstitutionId == i;
    }

    public static Expression<Func<Conversation, bool>> AnsweredBy(Party p)
    {
        if (p.EnterpriseId is { } e) return c => c.OtherEnterpriseId == e;
        var i = p.InstitutionId!.Value;
        return c => c.OtherInstitutionId == i;
    }

    /// <summary>Threads where the party has messages of the other side to read.</summary>
    public static Expression<Func<Conversation, bool>> UnreadBy(Party p)
    {
        if (p.EnterpriseId is { } e) return c => (c.StarterEnterpriseId == e && c.StarterUnread > 0) || (c.OtherEnterpriseId == e && c.OtherUnread > 0);
        var i = p.InstitutionId!.Value;
        return c => (c.StarterInstitutionId == i && c.StarterUnread > 0) || (c.OtherInstitutionId == i && c.OtherUnread > 0);
    }

    /// <summary>Messages the party sent, with their thread.</summary>
    public static Expression<Func<SentMessage, bool>> SentBy(Party p)
    {
        if (p.EnterpriseId is { } e)
            return x => (x.Message.Side == ConversationSides.Starter && x.Conversation.StarterEnterpriseId == e)
                        || (x.Message.Side == ConversationSides.Other && x.Conversation.OtherEnterpriseId == e);
        var i = p.InstitutionId!.Value;
        return x => (x.Message.Side == ConversationSides.Starter && x.Conversation.StarterInstitutionId == i)
                    || (x.Message.Side == ConversationSides.Other && x.Conversation.OtherInstitutionId == i);
    }
}

/// <summary>A message joined with its thread.</summary>
internal sealed class SentMessage
{
    public required ConversationMessage Message { get; init; }
    public required Conversation Conversation { get; init; }
}
