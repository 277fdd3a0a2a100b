using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>How much of the time spaces are open is booked, for one park or the whole zone. Open
/// hours come from each space's opening hours, open days and blackout days; booked hours from the
/// bookings. Three queries (spaces, blackouts, bookings in the range), the rest in memory, so the
/// zone's 1,000 spaces over 35 days take one pass. A snapshot is kept in HybridCache per park (or zone) and
/// day until a booking, a space or a blackout changes (table tags), at most <see cref="Lifetime"/>.</summary>
public sealed class BookingUtilization(LingjingDbContext db, TimeProvider time, IOptions<LingjingOptions> options, HybridCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };
    private static readonly string[] Tags = TableTags.Of("bookings", "spaces", "space_blackouts");
    private readonly TimeZoneInfo zone = options.Value.ZoneTimeZone;

    public TimeZoneInfo Zone => zone;

    /// <summary>Today in the zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>The last 28 full days and the coming 7 (today included) of one park's spaces, or of
    /// every space of the zone when <paramref name="parkId"/> is null.</summary>
    public async Task<UtilizationSnapshot> SnapshotAsync(int? parkId, CancellationToken ct)
    {
        var today = Today;
        // Computed in a scope of its own: callers waiting on the same key share it, and may outlive this request's.
        return await cache.GetOrCreateAsync($"bookings/utilization/{(parkId is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "zone")}/{today.DayNumber}",
            (scopes, parkId, today, zone), static async (state, ct) =>
            {
                await using var scope = state.scopes.CreateAsyncScope();
                return await ComputeAsync(scope.ServiceProvider.GetRequiredService<LingjingDbContext>(), state.parkId, state.today, state.zone, ct);
            }, Entry, Tags, ct);
    }

    private static async Task<UtilizationSnapshot> ComputeAsync(LingjingDbContext db, int? parkId, DateOnly today, TimeZoneInfo zone, CancellationToken ct)
    {
        var period = new UtilizationPeriod(today);
        var spaceQuery = db.Set<Space>().AsNoTracking().Where(s => parkId == null || s.ParkId == parkId);
        var spaces = await spaceQuery.OrderBy(s => s.Id)
            .Select(s => new Space { Id = s.Id, ParkId = s.ParkId, NameZh = "", NameEn = "", SpaceType = s.SpaceType, OpensAt = s.OpensAt, ClosesAt = s.ClosesAt, OpenDays = s.OpenDays })
            .ToListAsync(ct);
        var snapshot = new UtilizationSnapshot(period, spaces.Select(s => new SpaceKey(s.Id, s.ParkId, s.SpaceType)).ToList());
        if (spaces.Count == 0) return snapshot;

        var (first, last) = (period.First, period.Last);
        var blackouts = await db.Set<SpaceBlackout>().AsNoTracking()
            .Where(b => b.FirstDay <= last && b.LastDay >= first)
            .Join(spaceQuery, b => b.SpaceId, s => s.Id, (b, s) => b)
            .ToListAsync(ct);
        var closed = blackouts.ToLookup(b => b.SpaceId);

        var index = new Dictionary<int, int>(spaces.Count);
        var windows = new (DateTime Start, DateTime End)?[spaces.Count, period.DayCount];
        for (var s = 0; s < spaces.Count; s++)
        {
            index[spaces[s].Id] = s;
            for (var d = 0; d < period.DayCount; d++)
            {
                var day = first.AddDays(d);
                if (closed[spaces[s].Id].Any(b => b.Covers(day))) continue;
                if (SpaceCalendar.Window(spaces[s], day, zone) is not { } window) continue;
                windows[s, d] = (window.Start.UtcDateTime, window.End.UtcDateTime);
                snapshot.SetOpen(s, d, (window.End - window.Start).TotalHours);
            }
        }

        // Windows of the last day may run past midnight; bookings are read up to the end of the next day.
        var rangeStart = SpaceCalendar.StartOfDay(first, zone).UtcDateTime;
        var rangeEnd = SpaceCalendar.StartOfDay(last.AddDays(2), zone).UtcDateTime;
        var inRange = db.Set<Booking>().AsNoTracking()
            .Where(b => b.StartsAt < rangeEnd && b.EndsAt > rangeStart
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending || b.Status == BookingStatus.NoShow));
        // The whole zone needs no join: every booking's space is counted.
        if (parkId is not null) inRange = inRange.Join(spaceQuery, b => b.SpaceId, s => s.Id, (b, s) => b);
        var bookings = await inRange.Select(b => new { b.SpaceId, b.StartsAt, b.EndsAt, b.Status }).ToListAsync(ct);

        foreach (var booking in bookings)
        {
            if (!index.TryGetValue(booking.SpaceId, out var s)) continue;
            var (start, end) = (DateTime.SpecifyKind(booking.StartsAt, DateTimeKind.Utc), DateTime.SpecifyKind(booking.EndsAt, DateTimeKind.Utc));
            var startDay = LocalDay(start, zone);
            var startIndex = snapshot.IndexOf(startDay);
            if (startIndex >= 0 && startIndex < period.DayCount) snapshot.CountStart(startIndex, booking.Status);
            // A booking meets the window of its start day, of the day before (a window past midnight) and of later days it runs into.
            var lastIndex = Math.Min(snapshot.IndexOf(LocalDay(end.AddTicks(-1), zone)), period.DayCount - 1);
            for (var d = Math.Max(startIndex - 1, 0); d <= lastIndex; d++)
            {
                if (windows[s, d] is not { } window) continue;
                var overlap = (Min(end, window.End) - Max(start, window.Start)).TotalHours;
                if (overlap > 0) snapshot.AddHours(s, d, booking.Status, overlap);
            }
        }
        return snapshot;
    }

    /// <summary>Pending bookings that have not ended, of one park or the zone.</summary>
    public async Task<int> PendingApprovalsAsync(int? parkId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<Booking>().AsNoTracking().Where(b => b.Status == BookingStatus.Pending && b.EndsAt > now)
            .Join(db.Set<Space>().AsNoTracking().Where(s => parkId == null || s.ParkId == parkId), b => b.SpaceId, s => s.Id, (b, s) => b.Id)
            .CountAsync(ct);
    }

    public async Task<BookingKpis> KpisAsync(int? parkId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(parkId, ct);
        return snapshot.Kpis(await PendingApprovalsAsync(parkId, ct));
    }

    public async Task<List<UtilizationDay>> DailyAsync(int? parkId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(parkId, ct);
        return snapshot.Spaces.Count == 0 ? [] : snapshot.Days();
    }

    /// <summary>Utilization by space type over the last 28 days, types in catalogue order.</summary>
    public async Task<List<SpaceTypeUtilization>> BySpaceTypeAsync(int? parkId, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(parkId, ct);
        var order = SpaceTypes.All.Select((t, i) => (t.Code, i)).ToDictionary(p => p.Code, p => p.i);
        return snapshot.PastTotalsBy(s => s.SpaceType)
            .OrderBy(t => order.GetValueOrDefault(t.Key, int.MaxValue)).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => SpaceTypes.Find(t.Key) is { } type
                ? new SpaceTypeUtilization(t.Key, type.NameZh, type.NameEn, t.Spaces, t.Open, t.Booked, t.Released, UtilizationSnapshot.Share(t.Booked, t.Open))
                : new SpaceTypeUtilization(t.Key, t.Key, t.Key, t.Spaces, t.Open, t.Booked, t.Released, UtilizationSnapshot.Share(t.Booked, t.Open)))
            .ToList();
    }

    /// <summary>Utilization of every park that has spaces, over the last 28 days, highest first.</summary>
    public async Task<List<ParkUtilization>> ByParkAsync(CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(null, ct);
        var parks = await db.Set<Park>().AsNoTracking().Select(p => new { p.Id, p.Code, p.NameZh, p.NameEn }).ToDictionaryAsync(p => p.Id, ct);
        return snapshot.PastTotalsBy(s => s.ParkId)
            .Where(t => parks.ContainsKey(t.Key))
            .Select(t => new ParkUtilization(t.Key, parks[t.Key].Code, parks[t.Key].NameZh, parks[t.Key].NameEn, t.Spaces, t.Open, t.Booked, t.Released,
                UtilizationSnapshot.Share(t.Booked, t.Open)))
            .OrderByDescending(p => p.Utilization).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
