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
    /// <summary>Kept in this node's memory only: the index of 50,000 enterprises is far beyond what a distributed cache
    /// entry may hold (and is rebuilt faster than it would be read back).</summary>
    internal static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromHours(1), Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };
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
        // Segmenting the texts is most of the work: on every core.
        var enterpriseWords = Split(enterprises, e => words.Words(e.NameZh, e.NameEn, e.DescriptionZh, e.DescriptionEn,
            EnterpriseCategories.Find(e.Category)?.NameZh, EnterpriseCategories.Find(e.Category)?.NameEn));
        var institutionWords = Split(institutions, i => words.Words(i.NameZh, i.NameEn, i.DescriptionZh, i.DescriptionEn,
            InstitutionServiceTypes.Find(i.ServiceType)?.NameZh, InstitutionServiceTypes.Find(i.ServiceType)?.NameEn));
        var offerWords = Split(offers, o => words.Words([o.Title, o.Description, .. o.Tags, .. o.Examples]));

        var owners = new Dictionary<Party, Candidate>(enterprises.Count + institutions.Count);
        for (var k = 0; k < enterprises.Count; k++)
        {
            var e = enterprises[k];
            var owner = Party.Enterprise(e.Id);
            owners[owner] = new Candidate(CandidateKind.Enterprise, e.Id, owner, e.NameZh, e.NameEn, e.ParkId, e.Category, null, e.Employees,
                CandidateIndex.QualificationsOf(e.Tags), enterpriseWords[k], RecordOf(owner));
        }
        for (var k = 0; k < institutions.Count; k++)
        {
            var i = institutions[k];
            var owner = Party.Institution(i.Id);
            owners[owner] = new Candidate(CandidateKind.Institution, i.Id, owner, i.NameZh, i.NameEn, i.ParkId, i.ServiceType,
                IndustryChain.SegmentOfService(i.ServiceType), null, CandidateIndex.QualificationsOf(i.Tags), institutionWords[k], RecordOf(owner));
        }
        var candidates = new List<Candidate>(owners.Count + offers.Count);
        candidates.AddRange(owners.Values);
        for (var k = 0; k < offers.Count; k++)
        {
            var o = offers[k];
            if (!owners.TryGetValue(o.Owner, out var by)) continue;
            candidates.Add(by with { Kind = CandidateKind.Offer, Id = o.Id, Segment = o.Segment, Words = offerWords[k] });
        }
        return new CandidateIndex(candidates, parks);
    }

    private static IReadOnlySet<string>[] Split<T>(IReadOnlyList<T> rows, Func<T, IReadOnlySet<string>> wordsOf)
    {
        var result = new IReadOnlySet<string>[rows.Count];
        Parallel.For(0, rows.Count, k => result[k] = wordsOf(rows[k]));
        return result;
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
