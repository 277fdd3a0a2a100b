using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Lingjing.Server.Features.Events.Stage;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>An event's floor over server-sent events: "floor" (questions and polls), "stage" (the stage and the hands)
/// and "chat" (the session's chat) at once and whenever they change (signalled in this process, and relayed from other
/// nodes in a cluster), re-read on every heartbeat as well; "reaction" with the emoji counts of each quarter second.</summary>
public sealed class EventFloorStream(LiveBroadcast<EventSignal> signals, IServiceScopeFactory scopes, TimeProvider time)
{
    public async IAsyncEnumerable<SseItem<object>> FollowAsync(ClaimsPrincipal user, int eventId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = signals.Subscribe();
        // What was sent last of each part: records holding lists compare by reference, so compare what would be sent.
        var sent = new Dictionary<string, string>();
        var first = true;
        var reread = true;
        var idle = false;
        while (!ct.IsCancellationRequested)
        {
            if (reread)
            {
                IReadOnlyList<(string Name, object Value)>? parts;
                await using (var scope = scopes.CreateAsyncScope()) parts = await PartsAsync(scope.ServiceProvider, user, eventId);
                if (parts is null) yield break;
                var changed = false;
                foreach (var (name, value) in parts)
                {
                    var text = JsonSerializer.Serialize(value);
                    if (!first && sent.GetValueOrDefault(name) == text) continue;
                    yield return first && name == "floor" ? LiveStreams.First(value, name) : new SseItem<object>(value, name);
                    sent[name] = text;
                    changed = true;
                }
                if (idle && !changed) yield return LiveStreams.Ping();
                first = false;
            }
            var messages = await subscription.NextAsync(LiveStreams.Heartbeat, time, ct);
            idle = messages.Count == 0;
            var ours = messages.Where(m => m.EventId == eventId).ToList();
            foreach (var reaction in ours.Where(m => m.Reactions is not null)) yield return new SseItem<object>(reaction.Reactions!, "reaction");
            reread = idle || ours.Any(m => m.Reactions is null);
        }
    }

    /// <summary>The three parts as this person sees them, or null when they have no place on the floor (any more).</summary>
    private static async Task<IReadOnlyList<(string, object)>?> PartsAsync(IServiceProvider services, ClaimsPrincipal user, int eventId)
    {
        var floor = (await services.GetRequiredService<EventFloorService>().FloorAsync(user, eventId, CancellationToken.None)).Value;
        if (floor is null) return null;
        var stage = (await services.GetRequiredService<EventStageService>().StageAsync(user, eventId, CancellationToken.None)).Value!;
        var chat = (await services.GetRequiredService<EventChatService>().LinesAsync(user, eventId, CancellationToken.None)).Value!;
        return [("floor", floor), ("stage", stage), ("chat", chat)];
    }
}
