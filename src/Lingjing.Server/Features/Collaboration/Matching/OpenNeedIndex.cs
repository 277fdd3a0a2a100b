using System.ComponentModel;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Every open need with its publisher and its words, for the "recommended for you" feeds: split once, evicted when
/// needs or enterprises are written (a need's move calls the eviction itself: it is an ExecuteUpdate).</summary>
public sealed class OpenNeedIndexCache(HybridCache cache, IServiceScopeFactory scopes, WordSplitter words)
{
    public static readonly string[] Tables = ["collaboration_needs", "enterprises"];
    private const string Key = "collaboration/open-needs";
    private static readonly HybridCacheEntryOptions Entry = CandidateIndexCache.Entry;
    private static readonly string[] Tags = TableTags.Of(Tables);

    public ValueTask<OpenNeedIndex> GetAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync(Key, this, static async (self, ct) => await self.BuildAsync(ct), Entry, Tags, ct);

    private async Task<OpenNeedIndex> BuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var open = await (from n in db.Set<Need>().AsNoTracking()
                          join e in db.Set<Enterprise>() on n.EnterpriseId equals e.Id
                          where n.Status == NeedStatus.Open
                          select new { Need = n, e.NameZh, e.NameEn, e.ParkId }).ToListAsync(ct);
        return new OpenNeedIndex([.. open.Select(o => new OpenNeed(o.Need, o.NameZh, o.NameEn, o.ParkId, NeedWords.Of(o.Need, words)))]);
    }
}

/// <summary>The open needs, as the feeds read them.</summary>
[ImmutableObject(true)] // shared by every reader, never copied by the cache
public sealed record OpenNeedIndex(IReadOnlyList<OpenNeed> Needs);

/// <summary>An open need, its publisher and the words of its title, description and tags.</summary>
public sealed record OpenNeed(Need Need, string EnterpriseNameZh, string EnterpriseNameEn, int ParkId, NeedWords Words);
