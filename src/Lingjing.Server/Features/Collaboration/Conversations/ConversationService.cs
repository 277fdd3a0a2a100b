using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Threads between the parties of a need or an offer. An enterprise or institution that can see a need (or any
/// active offer) writes to its owner; writing again about the same topic continues the same thread. Only the two sides
/// read a thread: to anyone else it does not exist.</summary>
public sealed class ConversationService(
    LingjingDbContext db, NeedService needs, OfferService offers, ConversationPost post, MessageViews views, PartyDirectory parties,
    ContactRuleService contactRules, TimeProvider time,
    IOptions<CollaborationOptions> options)
{
    public const int MaxPageSize = 100;
    public const int MessagesPerPage = 50;

    /// <summary>Writes to the enterprise of a need the writer can see.</summary>
    public async Task<Outcome<ConversationDetail>> StartOnNeedAsync(Collaborator writer, int needId, string? body, IFormFile? attachment, CancellationToken ct)
    {
        var need = await needs.FindAsync(writer, needId, ct);
        if (need is null || writer.Party is not { } starter) return Failure.NotFound("There is no need with id {0}.", needId);
        if (need.Need.EnterpriseId == writer.EnterpriseId) return Failure.Conflict("This is your own need: the others write to you about it.") with { Code = "conversation.own" };
        return await StartAsync(writer, starter, Party.Enterprise(need.Need.EnterpriseId), needId, null, need.Need.Title, NeedStatus.IsFinal(need.Need.Status), body, attachment, ct);
    }

    /// <summary>Writes to the enterprise or institution of an active offer.</summary>
    public async Task<Outcome<ConversationDetail>> StartOnOfferAsync(Collaborator writer, int offerId, string? body, IFormFile? attachment, CancellationToken ct)
    {
        var offer = await offers.FindAsync(writer, offerId, ct);
        if (offer is null || writer.Party is not { } starter) return Failure.NotFound("There is no offer with id {0}.", offerId);
        var owner = new Party(offer.EnterpriseId, offer.InstitutionId);
        if (owner == starter) return Failure.Conflict("This is your own offer: the others write to you about it.") with { Code = "conversation.own" };
        return await StartAsync(writer, starter, owner, null, offerId, offer.Title, !offer.Active, body, attachment, ct);
    }

    private async Task<Outcome<ConversationDetail>> StartAsync(Collaborator writer, Party starter, Party other, int? needId, int? offerId,
        string subject, bool topicEnded, string? body, IFormFile? attachment, CancellationToken ct)
    {
        var errors = ConversationPost.Check(body, attachment, out var contentType);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await post.LimitAsync(starter, ct) is { } limited) return limited;
        var key = Conversation.Topic(needId, offerId, starter);
        var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.TopicKey == key, ct);
        if (conversation is null)
        {
            if (topicEnded) return Failure.Conflict("This is no longer open: new conversations about it cannot start.") with { Code = "conversation.topic-ended" };
            if (await contactRules.RefusalAsync(starter, other, ct) is { } refused) return refused;
            if (await StartLimitAsync(starter, ct) is { } tooMany) return tooMany;
            conversation = await CreateAsync(writer, starter, other, needId, offerId, subject, key, ct);
        }
        await post.WriteAsync(conversation, ConversationSides.Starter, writer, body, attachment, contentType, ct);
        return (await DetailAsync(writer, conversation.Id, null, ct))!;
    }

    /// <summary>Inserts the thread, or finds the one another person of the same side started at the same moment.</summary>
    private async Task<Conversation> CreateAsync(Collaborator writer, Party starter, Party other, int? needId, int? offerId, string subject, string key, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var conversation = new Conversation
        {
            NeedId = needId, OfferId = offerId, StarterEnterpriseId = starter.EnterpriseId, StarterInstitutionId = starter.InstitutionId,
            OtherEnterpriseId = other.EnterpriseId, OtherInstitutionId = other.InstitutionId, TopicKey = key, Subject = subject,
            StartedBy = writer.UserId, StartedAt = now, LastMessageAt = now,
        };
        db.Add(conversation);
        try
        {
            await db.SaveChangesAsync(ct);
            return conversation;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the unique topic key: the other writer's thread is the one
            return await db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.TopicKey == key, ct);
        }
        finally
        {
            db.Entry(conversation).State = EntityState.Detached;
        }
    }

    private async Task<Failure?> StartLimitAsync(Party starter, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddHours(-24);
        var started = await db.Set<Conversation>().Where(ConversationFilters.StartedBy(starter)).CountAsync(c => c.StartedAt > since, ct);
        var limit = options.Value.ConversationsPerDay;
        return started < limit ? null : ConversationPost.TooMany(
            new("Your side has started {0} conversations in the last 24 hours, the most allowed. Continue the ones you have, or try again tomorrow.", limit),
            "collaboration.conversation-limit");
    }

    /// <summary>A message from the writer's side into a thread of theirs.</summary>
    public async Task<Outcome<ConversationDetail>> SendAsync(Collaborator writer, int id, string? body, IFormFile? attachment, CancellationToken ct)
    {
        var (conversation, side) = await OwnAsync(writer, id, ct);
        if (conversation is null) return NoConversation(id);
        var errors = ConversationPost.Check(body, attachment, out var contentType);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await post.LimitAsync(writer.Party!.Value, ct) is { } limited) return limited;
        await post.WriteAsync(conversation, side!, writer, body, attachment, contentType, ct);
        return (await DetailAsync(writer, id, null, ct))!;
    }

    /// <summary>The reader's side has read up to <paramref name="upTo"/> (default: the latest message). Unread are then
    /// the other side's messages after it, so a message that arrived meanwhile stays unread.</summary>
    public async Task<Outcome<ConversationSummary>> MarkReadAsync(Collaborator reader, int id, int? upTo, CancellationToken ct)
    {
        var (conversation, side) = await OwnAsync(reader, id, ct);
        if (conversation is null) return NoConversation(id);
        var to = Math.Min(upTo ?? conversation.LastMessageId, conversation.LastMessageId);
        var theirs = ConversationSides.Opposite(side!);
        var messages = db.Set<ConversationMessage>();
        var row = db.Set<Conversation>().Where(c => c.Id == id);
        var changed = side == ConversationSides.Starter
            ? await row.Where(c => c.StarterReadTo < to).ExecuteUpdateAsync(s => s.SetProperty(c => c.StarterReadTo, to)
                .SetProperty(c => c.StarterUnread, c => messages.Count(m => m.ConversationId == c.Id && m.Side == theirs && m.Id > to)), ct)
            : await row.Where(c => c.OtherReadTo < to).ExecuteUpdateAsync(s => s.SetProperty(c => c.OtherReadTo, to)
                .SetProperty(c => c.OtherUnread, c => messages.Count(m => m.ConversationId == c.Id && m.Side == theirs && m.Id > to)), ct);
        if (changed > 0) post.Signal(conversation); // the writer's page shows "read"
        return (await SummariesAsync(reader.Party!.Value, [id], ct)).Single();
    }

    /// <summary>The reader's threads, the most recently active first.</summary>
    public async Task<ResultPage<ConversationSummary>> ListAsync(Collaborator reader, bool unreadOnly, int page, int pageSize, CancellationToken ct)
    {
        if (reader.Party is not { } party) return new ResultPage<ConversationSummary>([], 0, page, pageSize);
        var mine = Of(party);
        if (unreadOnly) mine = mine.Where(ConversationFilters.UnreadBy(party));
        var (total, ids) = await PageReader.PageAsync(mine.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Select(c => c.Id), page, pageSize, ct);
        return new ResultPage<ConversationSummary>(await SummariesAsync(party, ids, ct), total, page, pageSize);
    }

    /// <summary>Messages of the other side the reader's enterprise or institution has not read, over all its threads.</summary>
    public async Task<int> UnreadCountAsync(Collaborator reader, CancellationToken ct)
    {
        if (reader.Party is not { } p) return 0;
        return await db.Set<Conversation>().Where(ConversationFilters.StartedBy(p)).SumAsync(c => c.StarterUnread, ct)
               + await db.Set<Conversation>().Where(ConversationFilters.AnsweredBy(p)).SumAsync(c => c.OtherUnread, ct);
    }

    /// <summary>What a thread's live stream compares: its last message, how far the other side has read, and how many of
    /// its messages are hidden. Null when the reader is not one of its sides.</summary>
    public async Task<ConversationStream.ThreadState?> StateAsync(Collaborator reader, int id, CancellationToken ct)
    {
        var (conversation, side) = await OwnAsync(reader, id, ct);
        if (conversation is null) return null;
        var hidden = await db.Set<ConversationMessage>().CountAsync(m => m.ConversationId == id && m.HiddenAt != null, ct);
        return new ConversationStream.ThreadState(conversation.LastMessageId,
            side == ConversationSides.Starter ? conversation.OtherReadTo : conversation.StarterReadTo, hidden);
    }

    /// <summary>When the reader's latest thread last changed.</summary>
    public async Task<DateTime?> LastActivityAsync(Collaborator reader, CancellationToken ct) =>
        reader.Party is { } p ? await Of(p).MaxAsync(c => (DateTime?)c.LastMessageAt, ct) : null;

    /// <summary>The thread with its latest messages (or those before <paramref name="before"/>), for one of its sides.</summary>
    public async Task<ConversationDetail?> DetailAsync(Collaborator reader, int id, int? before, CancellationToken ct)
    {
        var (conversation, side) = await OwnAsync(reader, id, ct);
        if (conversation is null) return null;
        var rows = await db.Set<ConversationMessage>().AsNoTracking()
            .Where(m => m.ConversationId == id && (before == null || m.Id < before))
            .OrderByDescending(m => m.Id).Take(MessagesPerPage + 1).ToListAsync(ct);
        var hasEarlier = rows.Count > MessagesPerPage;
        var shown = rows.Take(MessagesPerPage).Reverse().Select(m => views.Of(m, side!)).ToList();
        var readByOther = side == ConversationSides.Starter ? conversation.OtherReadTo : conversation.StarterReadTo;
        return new ConversationDetail((await SummariesAsync(reader.Party!.Value, [id], ct)).Single(), shown, hasEarlier, readByOther);
    }

    /// <summary>An attachment of a thread of the reader's: the stored file, its name and type; null when there is none.</summary>
    public async Task<(string Path, ConversationMessage Message)?> AttachmentAsync(Collaborator reader, int id, Guid attachmentId, CancellationToken ct)
    {
        var (conversation, _) = await OwnAsync(reader, id, ct);
        if (conversation is null) return null;
        var message = await db.Set<ConversationMessage>().AsNoTracking()
            .FirstOrDefaultAsync(m => m.ConversationId == id && m.AttachmentId == attachmentId && m.HiddenAt == null, ct);
        var path = message is null ? null : Path.Combine(post.AttachmentDirectory(id), attachmentId.ToString("N"));
        return path is not null && File.Exists(path) ? (path, message!) : null;
    }

    /// <summary>The thread and the reader's side in it, when the reader's enterprise or institution is one of its sides.</summary>
    public async Task<(Conversation? Conversation, string? Side)> OwnAsync(Collaborator reader, int id, CancellationToken ct)
    {
        if (reader.Party is not { } party) return (null, null);
        var conversation = await Of(party).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return conversation is null ? (null, null) : (conversation, conversation.SideOf(party));
    }

    private IQueryable<Conversation> Of(Party p) => db.Set<Conversation>().Where(ConversationFilters.Involving(p));

    private async Task<IReadOnlyList<ConversationSummary>> SummariesAsync(Party reader, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = await (from c in db.Set<Conversation>().AsNoTracking()
                          join m in db.Set<ConversationMessage>() on c.LastMessageId equals m.Id into last
                          from m in last.DefaultIfEmpty()
                          where ids.Contains(c.Id)
                          select new { Conversation = c, Body = m != null ? m.Body : null, Attachment = m != null ? m.AttachmentName : null, Hidden = m != null && m.HiddenAt != null })
            .ToListAsync(ct);
        var names = (await parties.FindAsync(rows.SelectMany(r => new[] { r.Conversation.Starter, r.Conversation.Other }), ct))
            .ToDictionary(e => e.Key, e => new PartyName(e.Key.Kind, e.Key.Id, e.Value.NameZh, e.Value.NameEn));
        var byId = rows.ToDictionary(r => r.Conversation.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            var c = r.Conversation;
            var side = c.SideOf(reader)!;
            var preview = r.Hidden ? "" : r.Body is { Length: > 0 } body ? Clip(body) : r.Attachment ?? "";
            return new ConversationSummary(c.Id, c.NeedId is null ? "offer" : "need", c.NeedId ?? c.OfferId ?? 0, c.Subject,
                names[c.Starter], names[c.Other], side, side == ConversationSides.Starter ? c.StarterUnread : c.OtherUnread,
                c.StartedAt, c.LastMessageAt, preview);
        })];
    }

    private static string Clip(string text) => text.Length <= 140 ? text : text[..139] + "…";

    private static Failure NoConversation(int id) => Failure.NotFound("There is no conversation with id {0}.", id);
}
