using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>The candidate index through HybridCache: built from the database on first use (every enterprise and every
/// active offer, their words split once), evicted when enterprises, parks or offers are written.</summary>
public sealed class CandidateIndexCache(HybridCache cache, IServiceScopeFactory scopes, WordSplitter words)
{
    private const string Key = "collaboration/candidates";
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromHours(1) };
    private static readonly string[] Tags = TableTags.Of("enterprises", "parks", "collaboration_offers", "collaboration_agreements", "collaboration_agreement_ratings");

    public ValueTask<CandidateIndex> GetAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync(Key, this, static async (self, ct) => await self.BuildAsync(ct), Entry, Tags, ct);

    private async Task<CandidateIndex> BuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var parks = await db.Set<Park>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.Latitude, p.Longitude), ct);
        var enterprises = await db.Set<Enterprise>().AsNoTracking()
            .Select(e => new { e.Id, e.NameZh, e.NameEn, e.ParkId, e.Category, e.Employees, e.Tags, e.DescriptionZh, e.DescriptionEn })
            .ToListAsync(ct);
        var offers = await db.Set<Offer>().AsNoTracking().Where(o => o.Active).ToListAsync(ct);
        var byId = enterprises.ToDictionary(e => e.Id);
        var records = await TrackRecordsAsync(db, ct);
        TrackRecord RecordOf(int enterprise) => records.GetValueOrDefault(enterprise, TrackRecord.None);
        var candidates = new List<Candidate>(enterprises.Count + offers.Count);
        foreach (var e in enterprises)
        {
            var category = EnterpriseCategories.Find(e.Category);
            candidates.Add(new Candidate(CandidateKind.Enterprise, e.Id, e.Id, e.NameZh, e.NameEn, e.ParkId, e.Category, null, e.Employees,
                CandidateIndex.QualificationsOf(e.Tags),
                words.Words(e.NameZh, e.NameEn, e.DescriptionZh, e.DescriptionEn, category?.NameZh, category?.NameEn), RecordOf(e.Id)));
        }
        foreach (var o in offers)
        {
            if (!byId.TryGetValue(o.EnterpriseId, out var e)) continue;
            candidates.Add(new Candidate(CandidateKind.Offer, o.Id, e.Id, e.NameZh, e.NameEn, e.ParkId, e.Category, o.Segment, e.Employees,
                CandidateIndex.QualificationsOf(e.Tags), words.Words([o.Title, o.Description, .. o.Tags, .. o.Examples]), RecordOf(e.Id)));
        }
        return new CandidateIndex(candidates, parks);
    }

    private static async Task<Dictionary<int, TrackRecord>> TrackRecordsAsync(LingjingDbContext db, CancellationToken ct)
    {
        var confirmed = db.Set<Agreement>().Where(a => a.Status == AgreementStatus.Confirmed);
        var sides = await confirmed.Select(a => a.ClientEnterpriseId).Concat(confirmed.Select(a => a.PartnerEnterpriseId))
            .GroupBy(e => e).Select(g => new { Enterprise = g.Key, Count = g.Count() }).ToListAsync(ct);
        var stars = await db.Set<AgreementRating>().GroupBy(r => r.RatedEnterpriseId)
            .Select(g => new { Enterprise = g.Key, Average = g.Average(r => (double)r.Stars) }).ToDictionaryAsync(g => g.Enterprise, g => g.Average, ct);
        return sides.ToDictionary(s => s.Enterprise, s => new TrackRecord(s.Count, stars.TryGetValue(s.Enterprise, out var a) ? a : null));
    }
}
