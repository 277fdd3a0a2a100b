using System.Collections.Concurrent;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Loads spaces with their rules and blackouts, and parks' limits on active bookings, and
/// keeps them for a few seconds: a hot space is booked many times a second, its rules change rarely.
/// Changes in this process evict at once; another node sees them within <see cref="Lifetime"/>
/// (the counts themselves are always exact: they are taken in the writing transaction).</summary>
public sealed class BookableSpaces(IServiceScopeFactory scopes, TimeProvider time, IOptions<BookingOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<int, (BookableSpace? Space, DateTimeOffset Loaded)> cache = new();
    private readonly ConcurrentDictionary<int, (ParkLimitsView Limits, DateTimeOffset Loaded)> limits = new();

    public async Task<BookableSpace?> FindAsync(int spaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(spaceId, out var entry) && now - entry.Loaded < Lifetime) return entry.Space;
        var loaded = await LoadAsync(spaceId, ct);
        cache[spaceId] = (loaded, now);
        return loaded;
    }

    public void Evict(int spaceId) => cache.TryRemove(spaceId, out _);

    /// <summary>The limits on active bookings in force in a park: its own, or the zone's defaults.</summary>
    public async Task<ParkLimitsView> LimitsAsync(int parkId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (limits.TryGetValue(parkId, out var entry) && now - entry.Loaded < Lifetime) return entry.Limits;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var row = await db.Set<ParkBookingLimits>().AsNoTracking().FirstOrDefaultAsync(l => l.ParkId == parkId, ct);
        var (person, enterprise) = (BookingOptions.AsLimit(options.Value.ActivePerPerson), BookingOptions.AsLimit(options.Value.ActivePerEnterprise));
        var view = row is null
            ? new ParkLimitsView(parkId, person, enterprise, true, person, enterprise)
            : new ParkLimitsView(parkId, row.ActivePerPerson, row.ActivePerEnterprise, false, person, enterprise);
        limits[parkId] = (view, now);
        return view;
    }

    public void EvictLimits(int parkId) => limits.TryRemove(parkId, out _);

    private async Task<BookableSpace?> LoadAsync(int spaceId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, ct);
        if (space is null) return null;
        var rules = await db.Set<SpaceBookingRules>().AsNoTracking().FirstOrDefaultAsync(r => r.SpaceId == spaceId, ct)
            ?? SpaceBookingRules.Defaults(spaceId);
        var blackouts = await db.Set<SpaceBlackout>().AsNoTracking().Where(b => b.SpaceId == spaceId)
            .OrderBy(b => b.FirstDay).ToListAsync(ct);
        return new BookableSpace(space, rules, blackouts);
    }
}
