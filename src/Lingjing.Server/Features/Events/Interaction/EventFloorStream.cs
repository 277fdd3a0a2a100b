using System.Diagnostics;
using Lingjing.Server.Features.Accounts;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Lingjing.Server.Features.Events.Stage;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>An event's floor over server-sent events: "floor" (questions and polls), "stage" (the stage and the hands)
/// and "chat" (the session's chat) at once and whenever they change (signalled in this process, and relayed from other
/// nodes in a cluster), refreshed on every heartbeat as well; "reaction" with the emoji counts of each quarter second.
/// The parts come from one reading per change shared by every stream of the event on this node
/// (<see cref="EventFloorFeed"/>), each stream showing its person's view of it.</summary>
public sealed class EventFloorStream(LiveBroadcast<EventSignal> signals, EventFloorFeed feed, IServiceScopeFactory scopes, TimeProvider time)
{
    public async IAsyncEnumerable<SseItem<object>> FollowAsync(ClaimsPrincipal user, int eventId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = signals.Subscribe();
        var startedAfter = Stopwatch.GetTimestamp();
        if (await RoleAsync(user, eventId) is not { } role || user.UserId() is not { } me) yield break;
        // What was sent last of each part: records holding lists compare by reference, so compare what would be sent.
        var sent = new Dictionary<string, string>();
        var first = true;
        var reread = true;
        var idle = false;
        object? change = null;
        while (!ct.IsCancellationRequested)
        {
            if (reread)
            {
                // The person's place at the event is checked again now and then, not on every change.
                if (idle)
                {
                    if (await RoleAsync(user, eventId) is not { } still) yield break;
                    role = still;
                }
                var reading = await feed.ReadAsync(eventId, change, startedAfter);
                (string Name, object Value)[] parts =
                [
                    ("floor", EventFloorService.View(reading.Floor, me, role.Organiser)),
                    ("stage", EventStageService.View(reading.Places, me, role.Organiser)),
                    ("chat", EventChatService.View(reading.Chat, me)),
                ];
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
            change = ours.LastOrDefault(m => m.Reactions is null);
            reread = idle || change is not null;
            // Woken by a change: a reading started from now on has it; idle: one a few seconds old will do.
            startedAfter = Stopwatch.GetTimestamp() - (idle ? (long)(EventFloorFeed.IdleAge.TotalSeconds * Stopwatch.Frequency) : 0);
        }
    }

    /// <summary>Whether the person has a place on the floor (registered, or an organiser), and as what; null: none (any more).</summary>
    private async Task<EventFloorService.FloorRole?> RoleAsync(ClaimsPrincipal user, int eventId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventFloorService>().RoleAsync(user, eventId, CancellationToken.None);
    }
}
