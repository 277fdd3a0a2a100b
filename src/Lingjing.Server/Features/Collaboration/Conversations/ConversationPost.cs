using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Lingjing.Server.Infrastructure.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Writes a message into a thread: the message, the thread's last message and the other side's unread count in
/// one transaction, the attachment under the data directory, then tells the other side (one notification per thread
/// until they read it) and every open stream of the thread. Also keeps the messaging limits of
/// <see cref="CollaborationOptions"/>.</summary>
public sealed class ConversationPost(
    LingjingDbContext db, Notifier notifier, LiveBroadcast<ConversationSignal> signals, Moderation.Suspensions suspensions, TimeProvider time,
    IOptions<CollaborationOptions> collaboration, IOptions<LingjingOptions> platform)
{
    public static readonly Field BodyField = new("body", "Message");
    public static readonly Field AttachmentField = new("attachment", "Attachment");
    public const int MaxBodyLength = 4000;

    public string AttachmentDirectory(int conversationId) =>
        Path.Combine(platform.Value.FullDataDirectory, "uploads", "collaboration", conversationId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>What is wrong with a message's words and file, if anything.</summary>
    public static FieldErrors Check(string? body, IFormFile? attachment, out string? contentType)
    {
        var errors = new FieldErrors();
        contentType = null;
        if (string.IsNullOrWhiteSpace(body) && attachment is null) errors.Add(BodyField, "Write a message or attach a file.");
        else errors.MaxLength(BodyField, body, MaxBodyLength, multiline: true);
        if (attachment is not null && MaterialRules.Check(attachment, out contentType) is { } refused)
            errors.Add(AttachmentField, refused.Template, refused.Args);
        return errors;
    }

    /// <summary>A 403 when a moderator has suspended the sender's side, a 429 when it has sent its fill in the last hour.</summary>
    public async Task<Failure?> LimitAsync(Party sender, CancellationToken ct)
    {
        if (await suspensions.RefusalAsync(sender, ct) is { } suspended) return suspended;
        var since = time.GetUtcNow().UtcDateTime.AddHours(-1);
        var sent = await (from m in db.Set<ConversationMessage>()
                          join c in db.Set<Conversation>() on m.ConversationId equals c.Id
                          where m.SentAt > since
                          select new SentMessage { Message = m, Conversation = c })
            .Where(ConversationFilters.SentBy(sender)).CountAsync(ct);
        var limit = collaboration.Value.MessagesPerHour;
        return sent < limit ? null : TooMany(new("Your side has sent {0} messages in the last hour, the most allowed. Try again later.", limit), "collaboration.message-limit");
    }

    public static Failure TooMany(Phrase detail, string code) =>
        new Failure(StatusCodes.Status429TooManyRequests, new("Too many requests"), detail) { Code = code };

    /// <summary>Adds the message (already checked) to the thread for the sender's side.</summary>
    public async Task<ConversationMessage> WriteAsync(Conversation conversation, string side, Collaborator sender, string? body,
        IFormFile? attachment, string? attachmentType, CancellationToken ct, Action<ConversationMessage>? meeting = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var message = new ConversationMessage
        {
            ConversationId = conversation.Id, Side = side, SenderUserId = sender.UserId, SenderName = sender.Name,
            Body = body?.Trim() ?? "", SentAt = now,
        };
        meeting?.Invoke(message);
        string? path = null;
        if (attachment is not null)
        {
            message.AttachmentId = Guid.NewGuid();
            message.AttachmentName = Path.GetFileName(attachment.FileName);
            message.AttachmentType = attachmentType;
            message.AttachmentBytes = attachment.Length;
            var directory = AttachmentDirectory(conversation.Id);
            System.IO.Directory.CreateDirectory(directory);
            path = Path.Combine(directory, message.AttachmentId.Value.ToString("N"));
            await using var target = File.Create(path);
            await attachment.CopyToAsync(target, ct);
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Add(message);
            await db.SaveChangesAsync(ct);
            var id = message.Id;
            var counted = db.Set<Conversation>().Where(c => c.Id == conversation.Id);
            // The sender has read everything up to their own message; the other side has one more to read.
            if (side == ConversationSides.Starter)
                await counted.ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastMessageId, c => c.LastMessageId > id ? c.LastMessageId : id).SetProperty(c => c.LastMessageAt, now)
                    .SetProperty(c => c.OtherUnread, c => c.OtherUnread + 1)
                    .SetProperty(c => c.StarterUnread, 0).SetProperty(c => c.StarterReadTo, c => c.StarterReadTo > id ? c.StarterReadTo : id), ct);
            else
                await counted.ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastMessageId, c => c.LastMessageId > id ? c.LastMessageId : id).SetProperty(c => c.LastMessageAt, now)
                    .SetProperty(c => c.StarterUnread, c => c.StarterUnread + 1)
                    .SetProperty(c => c.OtherUnread, 0).SetProperty(c => c.OtherReadTo, c => c.OtherReadTo > id ? c.OtherReadTo : id), ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            if (path is not null) File.Delete(path);
            throw;
        }
        await TellAsync(conversation, side, sender, message, ct);
        return message;
    }

    /// <summary>Tells open streams of the thread that it changed (a message, a read, a moderation).</summary>
    public void Signal(Conversation conversation) => signals.Publish(new ConversationSignal(conversation.Id, conversation.Starter, conversation.Other));

    private async Task TellAsync(Conversation conversation, string side, Collaborator sender, ConversationMessage message, CancellationToken ct)
    {
        Signal(conversation);
        var recipient = side == ConversationSides.Starter ? conversation.Other : conversation.Starter;
        var readTo = await db.Set<Conversation>().Where(c => c.Id == conversation.Id)
            .Select(c => side == ConversationSides.Starter ? c.OtherReadTo : c.StarterReadTo).SingleAsync(ct);
        var preview = message.Body.Length > 0 ? message.Body : message.AttachmentName ?? "";
        // One notification per thread until the recipient reads it: the key names the message they have read up to.
        var notice = new NotificationMessage("collaboration.message",
            $"{sender.Name} wrote about “{conversation.Subject}”", $"{sender.Name} 就“{conversation.Subject}”发来消息",
            preview, preview, ConversationLinks.Thread(conversation.Id), $"collaboration-conversation:{conversation.Id}:{readTo}");
        if (recipient.EnterpriseId is { } enterprise) await notifier.NotifyEnterprisesAsync([enterprise], notice, ct);
        else await notifier.NotifyInstitutionsAsync([recipient.InstitutionId!.Value], notice, ct);
    }
}

/// <summary>A thread changed: streams of its two sides re-read it.</summary>
public sealed record ConversationSignal(int ConversationId, Party Starter, Party Other)
{
    public bool Concerns(Party party) => Starter == party || Other == party;
}

/// <summary>Addresses of the conversation pages.</summary>
public static class ConversationLinks
{
    public const string List = "/collaboration/conversations";

    public static string Thread(int id) => $"/collaboration/conversations/{id}";

    public static string Api(int id) => $"/api/v1/collaboration/conversations/{id}";

    public static string Attachment(int id, Guid attachmentId) => $"/api/v1/collaboration/conversations/{id}/attachments/{attachmentId:N}";
}
