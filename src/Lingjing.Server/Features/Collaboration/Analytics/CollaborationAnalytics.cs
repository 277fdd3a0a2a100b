using Lingjing.Server.Features.Collaboration.Conversations;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration.Analytics;

/// <summary>The collaboration of the zone or a park as the government and park operators read it: the network of
/// confirmed agreements, the flows between segments of the industry chain, needs left unmet, the funnel from published
/// to agreed and the time it takes. Read in a few queries and computed in memory: a zone has thousands of needs, not
/// millions.</summary>
public sealed class CollaborationAnalytics(LingjingDbContext db, PartyDirectory parties, TimeProvider time)
{
    public const int UnmetAfterDays = 30;
    public const int MostNodes = 150;
    public const string AllSegments = "all";

    private sealed record NeedFacts(int Id, int EnterpriseId, int ParkId, string Segment, string Status, DateTime CreatedAt);

    private sealed record AgreementFacts(int Id, int NeedId, int Client, int ClientPark, string ClientCategory, Party Partner, int? PartnerPark, string Status, DateTime? DecidedAt);

    public async Task<NetworkGraph> NetworkAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var agreements = (await AgreementsAsync(scope, ct)).Where(a => a.Status == AgreementStatus.Confirmed).ToList();
        var degree = new Dictionary<Party, int>();
        foreach (var a in agreements)
        {
            var client = Party.Enterprise(a.Client);
            degree[client] = degree.GetValueOrDefault(client) + 1;
            degree[a.Partner] = degree.GetValueOrDefault(a.Partner) + 1;
        }
        // The most connected, so the graph stays readable; the count says how many agreements there are in all.
        var shown = degree.OrderByDescending(d => d.Value).ThenBy(d => d.Key.Kind).ThenBy(d => d.Key.Id).Take(MostNodes).Select(d => d.Key).ToHashSet();
        var names = await parties.FindAsync(shown, ct);
        var parks = await db.Set<Park>().AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.NameZh, p.NameEn }).ToListAsync(ct);
        var categoryOfPark = parks.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var categories = parks.Select(p => new NetworkCategory(p.NameZh, p.NameEn)).Append(new NetworkCategory("不在园区的机构", "Institutions outside the parks")).ToList();
        var nodes = shown.Select(p =>
        {
            var n = names[p];
            return new NetworkNode(Key(p), n.NameZh, n.NameEn, p.Kind, n.ParkId is { } park ? categoryOfPark.GetValueOrDefault(park) : categories.Count - 1, degree[p]);
        }).OrderBy(n => n.Category).ThenByDescending(n => n.Value).ToList();
        var links = agreements.Where(a => shown.Contains(Party.Enterprise(a.Client)) && shown.Contains(a.Partner))
            .GroupBy(a => (Key(Party.Enterprise(a.Client)), Key(a.Partner)))
            .Select(g => new NetworkLink(g.Key.Item1, g.Key.Item2, g.Count())).ToList();
        return new NetworkGraph(nodes, links, categories, agreements.Count);
    }

    public async Task<IReadOnlyList<ChainFlow>> FlowsAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var needs = (await NeedsAsync(scope, ct)).ToDictionary(n => n.Id);
        var agreements = await AgreementsAsync(scope, ct);
        return [.. agreements.Where(a => a.Status == AgreementStatus.Confirmed && needs.ContainsKey(a.NeedId))
            .GroupBy(a => (From: SegmentOfCategory(a.ClientCategory), To: needs[a.NeedId].Segment))
            .Select(g =>
            {
                var (from, to) = (IndustryChain.Find(g.Key.From), IndustryChain.Find(g.Key.To));
                return new ChainFlow(g.Key.From, from?.NameZh ?? "其他", from?.NameEn ?? "Other", g.Key.To, to?.NameZh ?? g.Key.To, to?.NameEn ?? g.Key.To, g.Count());
            })
            .OrderByDescending(f => f.Agreements).ThenBy(f => f.From).ThenBy(f => f.To)];
    }

    public async Task<IReadOnlyList<UnmetNeeds>> UnmetAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var needs = await NeedsAsync(scope, ct);
        var agreed = (await AgreementsAsync(scope, ct)).Where(a => a.Status == AgreementStatus.Confirmed).Select(a => a.NeedId).ToHashSet();
        var longAgo = time.GetUtcNow().UtcDateTime.AddDays(-UnmetAfterDays);
        return [.. needs.GroupBy(n => n.Segment).Select(g =>
        {
            var segment = IndustryChain.Find(g.Key);
            var openLong = g.Count(n => n.Status is NeedStatus.Open or NeedStatus.InTalks && n.CreatedAt < longAgo);
            var closedUnmet = g.Count(n => n.Status == NeedStatus.Closed && !agreed.Contains(n.Id));
            return new UnmetNeeds(g.Key, segment?.NameZh ?? g.Key, segment?.NameEn ?? g.Key, g.Count(), openLong, closedUnmet,
                Math.Round((openLong + closedUnmet) / (double)g.Count(), 3));
        }).OrderByDescending(u => u.OpenLong + u.ClosedUnmet).ThenBy(u => u.Segment)];
    }

    public async Task<IReadOnlyList<FunnelStage>> FunnelAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var needs = await NeedsAsync(scope, ct);
        var ids = needs.Select(n => n.Id).ToHashSet();
        var contacted = (await FirstContactsAsync(ct)).Keys.Where(ids.Contains).ToHashSet();
        var agreements = (await AgreementsAsync(scope, ct)).Where(a => ids.Contains(a.NeedId)).ToList();
        var proposed = agreements.Select(a => a.NeedId).ToHashSet();
        return
        [
            new("published", needs.Count),
            new("contacted", needs.Count(n => contacted.Contains(n.Id) || proposed.Contains(n.Id))),
            new("proposed", proposed.Count),
            new("agreed", agreements.Where(a => a.Status == AgreementStatus.Confirmed).Select(a => a.NeedId).Distinct().Count()),
        ];
    }

    public async Task<IReadOnlyList<CollaborationTiming>> TimingAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var needs = await NeedsAsync(scope, ct);
        var firstContact = await FirstContactsAsync(ct);
        var agreedAt = (await AgreementsAsync(scope, ct)).Where(a => a.Status == AgreementStatus.Confirmed && a.DecidedAt is not null)
            .GroupBy(a => a.NeedId).ToDictionary(g => g.Key, g => g.Min(a => a.DecidedAt!.Value));
        var rows = new List<CollaborationTiming> { Timing(AllSegments, "全部", "All segments", needs) };
        rows.AddRange(needs.GroupBy(n => n.Segment).OrderBy(g => g.Key).Select(g =>
        {
            var segment = IndustryChain.Find(g.Key);
            return Timing(g.Key, segment?.NameZh ?? g.Key, segment?.NameEn ?? g.Key, [.. g]);
        }));
        return rows;

        CollaborationTiming Timing(string code, string zh, string en, IReadOnlyList<NeedFacts> group)
        {
            var toContact = group.Where(n => firstContact.ContainsKey(n.Id)).Select(n => Days(firstContact[n.Id] - n.CreatedAt)).ToList();
            var toAgreement = group.Where(n => agreedAt.ContainsKey(n.Id)).Select(n => Days(agreedAt[n.Id] - n.CreatedAt)).ToList();
            return new CollaborationTiming(code, zh, en, toContact.Count, Percentile(toContact, 0.5), Percentile(toContact, 0.9),
                toAgreement.Count, Percentile(toAgreement, 0.5), Percentile(toAgreement, 0.9));
        }
    }

    /// <summary>The newest confirmed agreements in the scope: the newest edges of the network, named.</summary>
    public async Task<IReadOnlyList<NewEdge>> NewestAsync(AnalyticsScope scope, int count, CancellationToken ct)
    {
        var newest = (await AgreementsAsync(scope, ct)).Where(a => a.Status == AgreementStatus.Confirmed)
            .OrderByDescending(a => a.DecidedAt).ThenByDescending(a => a.Id).Take(count).ToList();
        var names = await parties.FindAsync(newest.SelectMany(a => new[] { Party.Enterprise(a.Client), a.Partner }), ct);
        var needIds = newest.Select(a => a.NeedId).ToList();
        var titles = await db.Set<Need>().AsNoTracking().Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, ct);
        return [.. newest.Select(a =>
        {
            var (client, partner) = (names[Party.Enterprise(a.Client)], names[a.Partner]);
            return new NewEdge(a.Id, client.NameZh, client.NameEn, partner.NameZh, partner.NameEn, titles[a.NeedId], a.DecidedAt);
        })];
    }

    private static double Days(TimeSpan span) => Math.Max(0, span.TotalDays);

    /// <summary>The nearest-rank percentile in days, to a tenth of a day; null for no values.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, double share)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
    }

    private async Task<List<NeedFacts>> NeedsAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var enterprises = scope.ParkId is { } park ? db.Set<Enterprise>().Where(e => e.ParkId == park) : db.Set<Enterprise>();
        return await (from n in db.Set<Need>().AsNoTracking()
                      join e in enterprises on n.EnterpriseId equals e.Id
                      select new NeedFacts(n.Id, n.EnterpriseId, e.ParkId, n.Segment, n.Status, n.CreatedAt)).ToListAsync(ct);
    }

    private async Task<List<AgreementFacts>> AgreementsAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var rows = await (from a in db.Set<Agreement>().AsNoTracking()
                          join c in db.Set<Enterprise>() on a.ClientEnterpriseId equals c.Id
                          join pe in db.Set<Enterprise>() on a.PartnerEnterpriseId equals pe.Id into partnerEnterprises
                          from pe in partnerEnterprises.DefaultIfEmpty()
                          join pi in db.Set<Institution>() on a.PartnerInstitutionId equals pi.Id into partnerInstitutions
                          from pi in partnerInstitutions.DefaultIfEmpty()
                          select new
                          {
                              a.Id, a.NeedId, Client = c.Id, ClientPark = c.ParkId, ClientCategory = c.Category, a.PartnerEnterpriseId, a.PartnerInstitutionId,
                              PartnerPark = pe != null ? (int?)pe.ParkId : pi!.ParkId, a.Status, a.DecidedAt,
                          }).ToListAsync(ct);
        return [.. rows.Select(r => new AgreementFacts(r.Id, r.NeedId, r.Client, r.ClientPark, r.ClientCategory, new Party(r.PartnerEnterpriseId, r.PartnerInstitutionId),
                r.PartnerPark, r.Status, r.DecidedAt))
            .Where(a => scope.ParkId is not { } park || a.ClientPark == park || a.PartnerPark == park)];
    }

    /// <summary>When each need was first written about.</summary>
    private async Task<Dictionary<int, DateTime>> FirstContactsAsync(CancellationToken ct) =>
        (await db.Set<Conversation>().AsNoTracking().Where(c => c.NeedId != null)
            .GroupBy(c => c.NeedId!.Value).Select(g => new { Need = g.Key, At = g.Min(c => c.StartedAt) }).ToListAsync(ct))
        .ToDictionary(r => r.Need, r => r.At);

    private static string Key(Party party) => $"{party.Kind}:{party.Id}";

    /// <summary>The first segment whose usual categories include the enterprise's category.</summary>
    private static string SegmentOfCategory(string category) =>
        IndustryChain.Segments.FirstOrDefault(s => s.Categories.Contains(category))?.Code ?? "other";
}
