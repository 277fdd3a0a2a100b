using System.Diagnostics;
using Lingjing.Server.Features.Events.Stage;

namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>The floor, the stage and the chat of an event as everyone shares them, read once for all.</summary>
internal sealed record FloorReading(FloorSource Floor, IReadOnlyList<StagePlace> Places, IReadOnlyList<EventChatMessage> Chat);

/// <summary>
/// Reads an event's floor, stage and chat once per change for every live stream of this node that follows it, however
/// many people that is; each stream then picks its person's view out of the reading in memory. A stream woken by a
/// change takes a reading started after it woke, or the one started for that same change (every stream of this node
/// receives the same signal object); a stream's first reading is one started after it subscribed; an idle stream takes
/// one at most <see cref="IdleAge"/> old. A reading that failed is not shared again.
/// </summary>
public sealed class EventFloorFeed(IServiceScopeFactory scopes)
{
    public static readonly TimeSpan IdleAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, Reading> _latest = new();

    private sealed record Reading(object? Change, long StartedAt, Task<FloorReading> Task);

    /// <param name="change">The signal that woke the stream, if a change did.</param>
    /// <param name="startedAfter">A <see cref="Stopwatch"/> timestamp the reading must have started after.</param>
    internal Task<FloorReading> ReadAsync(int eventId, object? change, long startedAfter)
    {
        lock (_gate)
        {
            if (_latest.TryGetValue(eventId, out var latest) && !latest.Task.IsFaulted && !latest.Task.IsCanceled
                && ((change is not null && ReferenceEquals(latest.Change, change)) || latest.StartedAt > startedAfter))
                return latest.Task;
            var reading = new Reading(change, Stopwatch.GetTimestamp(), ReadNowAsync(eventId));
            _latest[eventId] = reading;
            return reading.Task;
        }
    }

    private async Task<FloorReading> ReadNowAsync(int eventId)
    {
        await Task.Yield(); // out of the lock before the first query
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var floor = await services.GetRequiredService<EventFloorService>().SourceAsync(eventId, null, CancellationToken.None);
        var places = await services.GetRequiredService<EventStageService>().PlacesAsync(eventId, CancellationToken.None);
        var chat = await services.GetRequiredService<EventChatService>().MessagesAsync(eventId, CancellationToken.None);
        return new FloorReading(floor, places, chat);
    }
}
