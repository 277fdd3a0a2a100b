using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Events.Interaction;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events.Stage;

/// <summary>An event's chat, one conversation per session: a message belongs to the session running when it was
/// written, and the hall shows the chat of the session running now. For the people with a place and the organisers,
/// who hide messages. One message a second per person.</summary>
public sealed class EventChatService(LingjingDbContext db, TimeProvider time, LiveBroadcast<EventSignal> signals, EventFloorService floor)
{
    public const int MaxText = 300;
    /// <summary>The chat shows this many of the latest messages.</summary>
    public const int Shown = 50;
    private static readonly TimeSpan OneMessageEvery = TimeSpan.FromSeconds(1);

    /// <summary>The latest visible messages of the session running now (or of the time outside sessions), oldest first.</summary>
    public async Task<Outcome<IReadOnlyList<ChatLine>>> LinesAsync(ClaimsPrincipal user, int eventId, CancellationToken ct)
    {
        if (await floor.RoleAsync(user, eventId, ct) is null) return EventStageService.NotInTheHall(eventId);
        return new Outcome<IReadOnlyList<ChatLine>>(View(await MessagesAsync(eventId, ct), user.UserId()!.Value), null);
    }

    /// <summary>The last <see cref="Shown"/> messages of the session running now, oldest first, as everyone shares them.</summary>
    internal async Task<List<EventChatMessage>> MessagesAsync(int eventId, CancellationToken ct)
    {
        var session = await SessionNowAsync(eventId, ct);
        var lines = await db.Set<EventChatMessage>().AsNoTracking()
            .Where(m => m.EventId == eventId && m.SessionId == session && !m.Hidden)
            .OrderByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
        lines.Reverse();
        return lines;
    }

    /// <summary>The chat as one person sees it: their own lines marked.</summary>
    internal static IReadOnlyList<ChatLine> View(IReadOnlyList<EventChatMessage> messages, Guid me) => messages.Select(m => Line(m, me)).ToList();

    public async Task<Outcome<ChatLine>> PostAsync(ClaimsPrincipal user, int eventId, ChatInput input, CancellationToken ct)
    {
        if (await floor.RoleAsync(user, eventId, ct) is null) return EventStageService.NotInTheHall(eventId);
        var errors = new FieldErrors();
        errors.Required(new Field("text", "Message"), input.Text, MaxText);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        var me = user.UserId()!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - OneMessageEvery;
        if (await db.Set<EventChatMessage>().AnyAsync(m => m.EventId == eventId && m.UserId == me && m.CreatedAt > since, ct))
            return Failure.TooFast("One message a second, please.");
        var message = new EventChatMessage
        {
            EventId = eventId, SessionId = await SessionNowAsync(eventId, ct), UserId = me, AuthorName = user.DisplayName(),
            Text = input.Text!.Trim(), CreatedAt = now,
        };
        db.Add(message);
        await db.SaveChangesAsync(ct);
        signals.Publish(new EventSignal(eventId));
        return Line(message, me);
    }

    /// <summary>An organiser hides a message from everyone (it stays in the record).</summary>
    public async Task<Outcome<long>> HideAsync(ClaimsPrincipal user, int eventId, long messageId, CancellationToken ct)
    {
        if (await floor.RoleAsync(user, eventId, ct) is not { Organiser: true }) return EventService.NoEvent(eventId);
        if (await db.Set<EventChatMessage>().Where(m => m.Id == messageId && m.EventId == eventId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Hidden, true), ct) == 0)
            return Failure.NotFound("This event has no chat message {0}.", messageId);
        signals.Publish(new EventSignal(eventId));
        return messageId;
    }

    private async Task<int?> SessionNowAsync(int eventId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<EventSession>().Where(s => s.EventId == eventId && s.StartsAt <= now && s.EndsAt > now)
            .OrderBy(s => s.StartsAt).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
    }

    private static ChatLine Line(EventChatMessage m, Guid me) => new(m.Id, m.SessionId, m.AuthorName, m.Text, m.UserId == me, EventTimes.Utc(m.CreatedAt));
}
