using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Alarms raised, acknowledged and cleared as server-sent events ("alarm", an <see cref="AlarmChange"/>),
/// for one park or, for the government, every park. A "ready" event opens the stream; "ping" keeps it alive.</summary>
public sealed class AlarmStream(LiveBroadcast<AlarmChange> feed, TimeProvider time)
{
    public async IAsyncEnumerable<SseItem<object>> ReadAsync(int? parkId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = feed.Subscribe();
        yield return LiveStreams.First(new { parkId }, "ready");
        while (!ct.IsCancellationRequested)
        {
            var changes = await subscription.NextAsync(LiveStreams.Heartbeat, time, ct);
            if (ct.IsCancellationRequested) yield break;
            if (changes.Count == 0) yield return LiveStreams.Ping();
            foreach (var change in changes)
                if (parkId is null || change.Alarm.ParkId == parkId) yield return new SseItem<object>(change, "alarm");
        }
    }
}
