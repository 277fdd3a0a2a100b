using System.Collections.Concurrent;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Loads spaces with their rules and blackouts, and keeps them for a few seconds: a hot
/// space is booked many times a second, its rules change rarely. Rule changes in this process
/// evict at once; another node sees them within <see cref="Lifetime"/>.</summary>
public sealed class BookableSpaces(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<int, (BookableSpace? Space, DateTimeOffset Loaded)> cache = new();

    public async Task<BookableSpace?> FindAsync(int spaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(spaceId, out var entry) && now - entry.Loaded < Lifetime) return entry.Space;
        var loaded = await LoadAsync(spaceId, ct);
        cache[spaceId] = (loaded, now);
        return loaded;
    }

    public void Evict(int spaceId) => cache.TryRemove(spaceId, out _);

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
