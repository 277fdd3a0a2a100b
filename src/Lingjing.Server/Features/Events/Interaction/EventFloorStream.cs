using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>An event's floor over server-sent events: a "floor" event at once and whenever a question, an upvote, a
/// moderation or a poll answer changes it (signalled in this process, and relayed from other nodes in a cluster), re-read
/// on every heartbeat as well.</summary>
public sealed class EventFloorStream(LiveBroadcast<EventSignal> signals, IServiceScopeFactory scopes, TimeProvider time)
{
    public async IAsyncEnumerable<SseItem<object>> FollowAsync(ClaimsPrincipal user, int eventId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = signals.Subscribe();
        string? sent = null;
        var first = true;
        var idle = false;
        while (!ct.IsCancellationRequested)
        {
            EventFloor? floor;
            await using (var scope = scopes.CreateAsyncScope())
                floor = (await scope.ServiceProvider.GetRequiredService<EventFloorService>().FloorAsync(user, eventId, CancellationToken.None)).Value;
            if (floor is null) yield break;
            // Records holding lists compare by reference: compare what would be sent.
            var text = System.Text.Json.JsonSerializer.Serialize(floor);
            if (first) yield return LiveStreams.First(floor, "floor");
            else if (text != sent) yield return new SseItem<object>(floor, "floor");
            else if (idle) yield return LiveStreams.Ping();
            first = false;
            sent = text;
            idle = !await subscription.WaitAsync(s => s.EventId == eventId, LiveStreams.Heartbeat, time, ct);
        }
    }
}
