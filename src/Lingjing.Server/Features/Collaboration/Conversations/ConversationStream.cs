using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Live threads over server-sent events. A thread's stream sends a "thread" event at once and whenever a
/// message arrives, one is hidden or the other side reads; a party's inbox stream sends an "inbox" event with its unread
/// count whenever one of its threads changes. Both re-read when a write in this process signals them and on every
/// heartbeat (another node may have written).</summary>
public sealed class ConversationStream(LiveBroadcast<ConversationSignal> signals, IServiceScopeFactory scopes, TimeProvider time)
{
    public sealed record ThreadState(int LastMessageId, int ReadByOtherTo, int HiddenCount);

    public sealed record InboxState(int Unread, DateTime? LastActivity);

    public IAsyncEnumerable<SseItem<object>> ThreadAsync(Collaborator reader, int id, CancellationToken ct) =>
        FollowAsync("thread", s => s.ConversationId == id,
            async conversations => await conversations.StateAsync(reader, id, CancellationToken.None), ct);

    public IAsyncEnumerable<SseItem<object>> InboxAsync(Collaborator reader, CancellationToken ct) =>
        FollowAsync("inbox", s => s.Concerns(reader.Party!.Value), async conversations =>
            (object?)new InboxState(await conversations.UnreadCountAsync(reader, CancellationToken.None),
                await conversations.LastActivityAsync(reader, CancellationToken.None)), ct);

    /// <summary>Sends the state read by <paramref name="read"/> first, then each time it changes; a ping when idle.
    /// Reads with no token: a read cut short would throw out of the stream instead of ending it.</summary>
    private async IAsyncEnumerable<SseItem<object>> FollowAsync(string eventType, Func<ConversationSignal, bool> concerns,
        Func<ConversationService, Task<object?>> read, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = signals.Subscribe();
        object? sent = null;
        var first = true;
        var idle = false;
        while (!ct.IsCancellationRequested)
        {
            object? state;
            await using (var scope = scopes.CreateAsyncScope())
                state = await read(scope.ServiceProvider.GetRequiredService<ConversationService>());
            if (first) yield return LiveStreams.First(state ?? new { }, eventType);
            else if (!Equals(state, sent)) yield return new SseItem<object>(state ?? new { }, eventType);
            else if (idle) yield return LiveStreams.Ping();
            first = false;
            sent = state;
            idle = !await subscription.WaitAsync(concerns, LiveStreams.Heartbeat, time, ct);
        }
    }
}
