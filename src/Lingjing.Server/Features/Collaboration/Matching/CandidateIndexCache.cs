using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>The candidate index through HybridCache: built from the database on first use (every enterprise, every service
/// institution and every active offer, their words split once), evicted when any of them, parks or agreements are written.</summary>
public sealed class CandidateIndexCache(HybridCache cache, IServiceScopeFactory scopes, WordSplitter words)
{
    private const string Key = "collaboration/candidates";
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromHours(1) };
    private static readonly string[] Tags = TableTags.Of("enterprises", "institutions", "parks", "collaboration_offers", "collaboration_agreements", "collaboration_agreement_ratings");

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
        var institutions = await db.Set<Institution>().AsNoTracking()
            .Select(i => new { i.Id, i.NameZh, i.NameEn, i.ParkId, i.ServiceType, i.Tags, i.DescriptionZh, i.DescriptionEn })
            .ToListAsync(ct);
        var offers = await db.Set<Offer>().AsNoTracking().Where(o => o.Active).ToListAsync(ct);
        var records = await TrackRecordsAsync(db, ct);
        TrackRecord RecordOf(Party party) => records.GetValueOrDefault(party, TrackRecord.None);
        var owners = new Dictionary<Party, Candidate>(enterprises.Count + institutions.Count);
        foreach (var e in enterprises)
        {
            var category = EnterpriseCategories.Find(e.Category);
            var owner = Party.Enterprise(e.Id);
            owners[owner] = new Candidate(CandidateKind.Enterprise, e.Id, owner, e.NameZh, e.NameEn, e.ParkId, e.Category, null, e.Employees,
                CandidateIndex.QualificationsOf(e.Tags),
                words.Words(e.NameZh, e.NameEn, e.DescriptionZh, e.DescriptionEn, category?.NameZh, category?.NameEn), RecordOf(owner));
        }
        foreach (var i in institutions)
        {
            var type = InstitutionServiceTypes.Find(i.ServiceType);
            var owner = Party.Institution(i.Id);
            owners[owner] = new Candidate(CandidateKind.Institution, i.Id, owner, i.NameZh, i.NameEn, i.ParkId, i.ServiceType,
                IndustryChain.SegmentOfService(i.ServiceType), null, CandidateIndex.QualificationsOf(i.Tags),
                words.Words(i.NameZh, i.NameEn, i.DescriptionZh, i.DescriptionEn, type?.NameZh, type?.NameEn), RecordOf(owner));
        }
        var candidates = new List<Candidate>(owners.Count + offers.Count);
        candidates.AddRange(owners.Values);
        foreach (var o in offers)
        {
            if (!owners.TryGetValue(o.Owner, out var by)) continue;
            candidates.Add(by with { Kind = CandidateKind.Offer, Id = o.Id, Segment = o.Segment, Words = words.Words([o.Title, o.Description, .. o.Tags, .. o.Examples]) });
        }
        return new CandidateIndex(candidates, parks);
    }

    /// <summary>Each party's confirmed agreements (an enterprise as client or partner, an institution as partner) and the
    /// average of the stars it was given.</summary>
    private static async Task<Dictionary<Party, TrackRecord>> TrackRecordsAsync(LingjingDbContext db, CancellationToken ct)
    {
        var confirmed = await db.Set<Agreement>().AsNoTracking().Where(a => a.Status == AgreementStatus.Confirmed)
            .Select(a => new { a.ClientEnterpriseId, a.PartnerEnterpriseId, a.PartnerInstitutionId }).ToListAsync(ct);
        var counts = confirmed.Select(a => Party.Enterprise(a.ClientEnterpriseId))
            .Concat(confirmed.Select(a => new Party(a.PartnerEnterpriseId, a.PartnerInstitutionId)))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var stars = (await db.Set<AgreementRating>().AsNoTracking()
                .GroupBy(r => new { r.RatedEnterpriseId, r.RatedInstitutionId })
                .Select(g => new { g.Key.RatedEnterpriseId, g.Key.RatedInstitutionId, Average = g.Average(r => (double)r.Stars) }).ToListAsync(ct))
            .ToDictionary(g => new Party(g.RatedEnterpriseId, g.RatedInstitutionId), g => g.Average);
        return counts.ToDictionary(c => c.Key, c => new TrackRecord(c.Value, stars.TryGetValue(c.Key, out var a) ? a : null));
    }
}
