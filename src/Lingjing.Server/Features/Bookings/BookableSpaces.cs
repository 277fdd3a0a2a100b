using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Spaces with their rules and blackouts, and parks' limits on active bookings, through
/// HybridCache for a few seconds: a hot space is booked many times a second, its rules change rarely.
/// A change on this node evicts at once (by key here, by table tag for any save of those tables);
/// another node sees it within <see cref="Lifetime"/> (the counts themselves are always exact: they are
/// taken in the writing transaction).</summary>
public sealed class BookableSpaces(IServiceScopeFactory scopes, HybridCache cache, IOptions<BookingOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };
    private static readonly string[] SpaceTags = TableTags.Of("spaces", "space_booking_rules", "space_blackouts");
    private static readonly string[] LimitTags = TableTags.Of("park_booking_limits");

    public ValueTask<BookableSpace?> FindAsync(int spaceId, CancellationToken ct) =>
        cache.GetOrCreateAsync(SpaceKey(spaceId), (this, spaceId), static (state, ct) => state.Item1.LoadAsync(state.spaceId, ct), Entry, SpaceTags, ct);

    public ValueTask EvictAsync(int spaceId) => cache.RemoveAsync(SpaceKey(spaceId));

    /// <summary>The limits on active bookings in force in a park: its own, or the zone's defaults.</summary>
    public ValueTask<ParkLimitsView> LimitsAsync(int parkId, CancellationToken ct) =>
        cache.GetOrCreateAsync(LimitsKey(parkId), (this, parkId), static (state, ct) => state.Item1.LoadLimitsAsync(state.parkId, ct), Entry, LimitTags, ct);

    public ValueTask EvictLimitsAsync(int parkId) => cache.RemoveAsync(LimitsKey(parkId));

    private static string SpaceKey(int spaceId) => $"bookings/space/{spaceId}";

    private static string LimitsKey(int parkId) => $"bookings/park-limits/{parkId}";

    private async ValueTask<ParkLimitsView> LoadLimitsAsync(int parkId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var row = await db.Set<ParkBookingLimits>().AsNoTracking().FirstOrDefaultAsync(l => l.ParkId == parkId, ct);
        var (person, enterprise) = (BookingOptions.AsLimit(options.Value.ActivePerPerson), BookingOptions.AsLimit(options.Value.ActivePerEnterprise));
        return row is null
            ? new ParkLimitsView(parkId, person, enterprise, true, person, enterprise)
            : new ParkLimitsView(parkId, row.ActivePerPerson, row.ActivePerEnterprise, false, person, enterprise);
    }

    private async ValueTask<BookableSpace?> LoadAsync(int spaceId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var space = await db.Set<Space>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == spaceId, ct);
        if (space is null) return null;
        var rules = await db.Set<SpaceBookingRules>().AsNoTracking().FirstOrDefaultAsync(r => r.SpaceId == spaceId, ct)
            ?? SpaceBookingRules.Defaults(spaceId);
        var blackouts = await db.Set<SpaceBlackout>().AsNoTracking().Where(b => b.SpaceId == spaceId)
            .OrderBy(b => b.FirstDay).ToListAsync(ct);
        return new BookableSpace(space, rules, blackouts);
    }
}
