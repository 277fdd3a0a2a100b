using Lingjing.Server.Features.Events.Hall;
using Lingjing.Server.Features.World;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events.Presence;

/// <summary>
/// Counts the people in this node's copies of events' halls every <see cref="Every"/> and keeps, per event and minute,
/// the most it saw (<see cref="EventPresence"/>); each node writes its own rows, so nodes never contend. The organisers'
/// attendance over time and peak concurrency add the nodes' rows up. Each round also tells the halls' seating who is in
/// which instance (<see cref="HallPlacement.ReportAsync"/>), which keeps their seats.
/// </summary>
public sealed class HallPresence(WorldStage worlds, HallPlacement placement, IServiceScopeFactory scopes, TimeProvider time, ILogger<HallPresence> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await placement.ReportAsync();
                await SampleAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "The presence in this node's halls could not be recorded; trying again in {Every}", Every);
            }
        }
    }

    /// <summary>Records the people in this node's halls now, in the current minute's rows.</summary>
    public async Task SampleAsync(CancellationToken ct)
    {
        var counts = worlds.Running(id => HallWorlds.TryParse(id, out _, out _))
            .GroupBy(id => HallWorlds.TryParse(id, out var eventId, out _) ? eventId : 0)
            .ToDictionary(g => g.Key, g => g.Sum(worlds.Population));
        if (counts.Count == 0) return;
        var now = time.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var ids = counts.Keys.ToList();
        var existing = await db.Set<EventPresence>()
            .Where(p => ids.Contains(p.EventId) && p.NodeId == worlds.NodeId && p.Minute == minute).ToDictionaryAsync(p => p.EventId, ct);
        foreach (var (eventId, present) in counts)
        {
            if (existing.TryGetValue(eventId, out var row)) row.Present = Math.Max(row.Present, present);
            else db.Add(new EventPresence { EventId = eventId, NodeId = worlds.NodeId, Minute = minute, Present = present });
        }
        await db.SaveChangesAsync(ct);
    }
}
