using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Notifications;

/// <summary>The bell's live count: an "unread" event at once, then again whenever it changes. It re-counts
/// when a notification for the reader is written or read (anywhere in this process), shortly after that
/// again (a notifier inside a transaction tells before its commit), and on every heartbeat (another node
/// may have written one).</summary>
public sealed class UnreadStream(LiveBroadcast<NotificationAudience> signals, IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>After a signal, the count is read again this much later, when the writer has committed.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public sealed record Unread(int Count);

    public async IAsyncEnumerable<SseItem<object>> ReadAsync(NotificationReader reader, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = signals.Subscribe();
        int? sent = null;
        var wait = LiveStreams.Heartbeat;
        var idle = false;
        while (!ct.IsCancellationRequested)
        {
            int count;
            await using (var scope = scopes.CreateAsyncScope())
                // Not the stream's token: a count cut short would throw out of the stream instead of ending it.
                count = await scope.ServiceProvider.GetRequiredService<NotificationCentre>().UnreadCountAsync(reader.UserId, CancellationToken.None);
            if (sent is null) yield return LiveStreams.First(new Unread(count), "unread");
            else if (count != sent) yield return new SseItem<object>(new Unread(count), "unread");
            else if (idle) yield return LiveStreams.Ping();
            sent = count;
            var signalled = await subscription.WaitAsync(a => a.Includes(reader), wait, time, ct);
            idle = !signalled && wait == LiveStreams.Heartbeat;
            wait = signalled ? Settle : LiveStreams.Heartbeat;
        }
    }
}
