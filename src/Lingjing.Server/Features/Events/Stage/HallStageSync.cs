using Lingjing.Server.Features.Events.Hall;
using Lingjing.Server.Features.Events.Interaction;
using Lingjing.Server.Features.World;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Events.Stage;

/// <summary>
/// Carries the stage out in this node's halls: on every stage change (signalled here or relayed from another node)
/// it reads who is on stage or at the microphone and amplifies exactly them in each copy of that event's hall this
/// node runs. Every <see cref="Resync"/> it reads all its halls again, so a signal lost between nodes costs seconds.
/// </summary>
public sealed class HallStageSync(LiveBroadcast<EventSignal> signals, WorldStage worlds, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<HallStageSync> logger) : BackgroundService
{
    public static readonly TimeSpan Resync = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = signals.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            var messages = await subscription.NextAsync(Resync, time, stoppingToken);
            if (stoppingToken.IsCancellationRequested) break;
            var halls = worlds.Running(id => HallWorlds.TryParse(id, out _, out _));
            var events = messages.Count == 0
                ? halls.Select(EventOf).Distinct()
                : messages.Where(m => m.Stage).Select(m => m.EventId).Distinct();
            foreach (var eventId in events.ToList())
            {
                try
                {
                    await ApplyAsync(eventId, halls.Where(id => HallWorlds.OfEvent(id, eventId)).ToList(), stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogWarning(error, "The stage of event {Event} could not be applied to this node's halls; trying again in {Resync}", eventId, Resync);
                }
            }
        }
    }

    private async Task ApplyAsync(int eventId, IReadOnlyList<string> halls, CancellationToken ct)
    {
        if (halls.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var amplified = await scope.ServiceProvider.GetRequiredService<EventStageService>().AmplifiedAsync(eventId, ct);
        foreach (var hall in halls) worlds.Amplify(hall, amplified);
    }

    private static int EventOf(string worldId) => HallWorlds.TryParse(worldId, out var eventId, out _) ? eventId : 0;
}
