using Lingjing.Server.Features.World.Cluster;
using Lingjing.Server.Features.World.Media;
using Lingjing.Server.Features.World.Meetings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.World;
using Lingjing.World.Bus;
using Lingjing.World.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// Owns the process's one <see cref="WorldNode"/>: creates a world per park and the zone world from
/// the database at start, runs the tick thread, and closes every connection on shutdown.
/// A park created later gets its world on its first visit (<see cref="EnsureWorldAsync"/>).
/// </summary>
public sealed class WorldHost(
    IServiceScopeFactory scopes, IOptions<WorldRealtimeOptions> options, IOptions<MediaOptions> media, TimeProvider time, ILogger<WorldHost> logger,
    IWorldBus bus, WorldNodeIdentity identity, ISelectiveForwarder? forwarder = null)
    : IHostedService, IAsyncDisposable
{
    private readonly WorldRealtimeOptions _options = options.Value;
    private bool _stopped;

    public WorldNode Node { get; } = new(
        media.Value.ApplyTo(options.Value.ToEngineOptions()) with { NodeId = identity.NodeId, NodeIndex = identity.NodeIndex },
        time, bus, forwarder);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var parks = await db.Set<Park>().AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var buildings = (await db.Set<Building>().AsNoTracking().ToListAsync(cancellationToken)).ToLookup(b => b.ParkId);
        foreach (var park in parks) Node.AddWorld(ParkWorldDefinitions.ForPark(park, buildings[park.Id], _options.SpawnScatterCm));
        Node.AddWorld(ParkWorldDefinitions.ForZone(parks, buildings, _options.SpawnScatterCm));
        Node.Start();
        logger.LogInformation("World node started: {Worlds} worlds, {TickRate} Hz, interest management {InterestManagement}",
            parks.Count + 1, _options.TickRateHz, _options.InterestManagement ? "on" : "off");
    }

    /// <summary>Makes sure the world exists for an id a client asked for (a park created later, a meeting's room, a
    /// world of another feature's <see cref="IWorldSource"/>); false when there is no such park, meeting or world. Who may enter is decided by admission, not here.</summary>
    public async Task<bool> EnsureWorldAsync(string worldId, CancellationToken cancellationToken)
    {
        if (Node.FindWorld(worldId) is not null) return true;
        await using var scope = scopes.CreateAsyncScope();
        var definition = await DefinitionAsync(worldId, scope.ServiceProvider, cancellationToken);
        if (definition is null) return false;
        try
        {
            Node.AddWorld(definition);
        }
        catch (InvalidOperationException)
        {
            // Another connection created it a moment ago.
        }
        return true;
    }

    private async Task<WorldDefinition?> DefinitionAsync(string worldId, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetServices<IWorldSource>().FirstOrDefault(s => s.Owns(worldId)) is { } source)
            return await source.DefineAsync(worldId, cancellationToken);
        if (WorldIds.TryParseMeeting(worldId, out var bookingId))
            return await services.GetRequiredService<MeetingRooms>().FindAsync(bookingId, cancellationToken) is { } meeting
                ? MeetingRoomLayout.Definition(meeting, media.Value.MixFrom)
                : null;
        if (!WorldIds.TryParsePark(worldId, out var parkId)) return null;
        var db = services.GetRequiredService<LingjingDbContext>();
        var park = await db.Set<Park>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == parkId, cancellationToken);
        if (park is null) return null;
        var buildings = await db.Set<Building>().AsNoTracking().Where(b => b.ParkId == parkId).ToListAsync(cancellationToken);
        return ParkWorldDefinitions.ForPark(park, buildings, _options.SpawnScatterCm);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await Node.DisposeAsync();
    }
}
