using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Ranks the zone's enterprises, service institutions and offers for one need. The score is the sum of named parts, each with a most:
/// shared words (rare words weigh more), position in the industry chain, size class, verified qualifications, distance
/// between parks and the candidate's earlier collaborations and their ratings. Only candidates that share a word with the need or sit in its part of the chain are
/// ranked, and only those the need is shown to.</summary>
public static class NeedMatcher
{
    public const double WordsMost = 35, ChainMost = 25, SizeMost = 10, QualificationsMost = 10, DistanceMost = 10, RecordMost = 10;
    /// <summary>Beyond this distance between parks, nearness adds nothing (the zone is about this wide).</summary>
    private const double FarKm = 30;

    public static NeedMatches Rank(Need need, int needParkId, IReadOnlySet<string> needWords, CandidateIndex index, int limit)
    {
        var candidates = index.Candidates;
        var shared = new double[candidates.Count];
        var totalWeight = needWords.Sum(index.Weight);
        foreach (var word in needWords)
        {
            var weight = index.Weight(word);
            foreach (var i in index.Using(word)) shared[i] += weight;
        }
        var ranked = new List<(double Score, int Index, ScoredPart[] Parts)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Owner.EnterpriseId == need.EnterpriseId || !ShownTo(need, c)) continue;
            if (Score(need, needParkId, needWords, totalWeight, c, shared[i], index) is { } parts) ranked.Add((parts.Sum(p => p.Points), i, parts));
        }
        var top = ranked.OrderByDescending(r => r.Score).ThenBy(r => r.Index).Take(limit).Select(r =>
        {
            var c = candidates[r.Index];
            return new NeedMatchView(KindName(c.Kind), c.Id, c.Owner.Kind, c.Owner.EnterpriseId, c.Owner.InstitutionId, c.NameZh, c.NameEn,
                c.ParkId, c.Kind == CandidateKind.Offer ? c.Segment : null, Math.Round(r.Score, 1), Explain(r.Parts));
        }).ToList();
        return new NeedMatches(need.Id, [.. needWords.OrderBy(w => w, StringComparer.Ordinal)], top);
    }

    /// <summary>The parts of one candidate's score for a need, or null when it neither shares a word with the need nor
    /// sits in its part of the chain. <paramref name="sharedWeight"/>: the weight of the words they share.</summary>
    public static ScoredPart[]? Score(Need need, int needParkId, IReadOnlySet<string> needWords, double totalWeight, Candidate c, double sharedWeight, CandidateIndex index)
    {
        var chain = Chain(IndustryChain.Find(need.Segment), c);
        if (sharedWeight <= 0 && chain.Points < ChainMost * 0.5) return null;
        return
        [
            Words(needWords, c, sharedWeight, totalWeight), chain, Size(need.PartnerSize, c.Employees),
            Qualifications(c.Qualifications), Distance(c.ParkId is { } park ? index.Kilometres(needParkId, park) : null, needParkId == c.ParkId),
            Record(c.Record),
        ];
    }

    public static string KindName(CandidateKind kind) => kind switch
    {
        CandidateKind.Offer => "offer",
        CandidateKind.Institution => Party.InstitutionKind,
        _ => Party.EnterpriseKind,
    };

    /// <summary>The parts as the reader is shown them: each sentence in the reader's language (made only for the
    /// candidates shown, not for every one scored).</summary>
    public static IReadOnlyList<MatchReason> Explain(IEnumerable<ScoredPart> parts) =>
        [.. parts.Select(p => new MatchReason(p.Part, p.Points, p.Most, p.Why.Localized()))];

    /// <summary>Whether the need is shown to the candidate's enterprise or institution (its visibility; only enterprises
    /// are invited).</summary>
    public static bool ShownTo(Need need, Candidate c) => need.Visibility switch
    {
        Visibilities.Parks => c.ParkId is { } park && need.VisibleParkIds.Contains(park),
        Visibilities.Invited => c.Owner.EnterpriseId is { } enterprise && need.InvitedEnterpriseIds.Contains(enterprise),
        _ => true,
    };

    private static ScoredPart Words(IReadOnlySet<string> needWords, Candidate c, double sharedWeight, double totalWeight)
    {
        if (sharedWeight <= 0 || totalWeight <= 0) return new("words", 0, WordsMost, new Phrase("No words in common"));
        var common = needWords.Where(c.Words.Contains).OrderBy(w => w, StringComparer.Ordinal).Take(8);
        return new("words", Round(WordsMost * sharedWeight / totalWeight), WordsMost,
            new Phrase("Words in common: {0}", string.Join(", ", common)));
    }

    private static ScoredPart Chain(ChainSegment? segment, Candidate c)
    {
        if (segment is null) return new("chain", 0, ChainMost, new Phrase("Not placed in the chain"));
        if (c.Segment == segment.Code)
            return new("chain", ChainMost, ChainMost, new Phrase("Offers {0}, the segment asked for", Both(segment.NameEn, segment.NameZh)));
        if (segment.Categories.Contains(c.Category) && EnterpriseCategories.Find(c.Category) is { } category)
            return new("chain", ChainMost * 0.6, ChainMost, new Phrase("A {0} enterprise, as usually found in {1}", Both(category.NameEn, category.NameZh), Both(segment.NameEn, segment.NameZh)));
        if (IndustryChain.Find(c.Segment) is { } offered && offered.Stage == segment.Stage)
            return new("chain", ChainMost * 0.4, ChainMost, new Phrase("Offers {0}, at the same stage of the chain", Both(offered.NameEn, offered.NameZh)));
        return new("chain", 0, ChainMost, new Phrase("Elsewhere in the chain"));
    }

    private static ScoredPart Size(string wanted, int? employees)
    {
        if (wanted == PartnerSizes.Any) return new("size", SizeMost, SizeMost, new Phrase("Any size is welcome"));
        if (employees is not { } count) return new("size", SizeMost / 2, SizeMost, new Phrase("A service institution: its size is not recorded"));
        var (actual, asked) = (SizeRank(PartnerSizes.Of(count)), SizeRank(wanted));
        var name = PartnerSizes.All[actual];
        var words = Both(name.NameEn, name.NameZh);
        return Math.Abs(actual - asked) switch
        {
            0 => new("size", SizeMost, SizeMost, new Phrase("{0}, the size asked for", words)),
            1 => new("size", SizeMost / 2, SizeMost, new Phrase("{0}, next to the size asked for", words)),
            _ => new("size", 0, SizeMost, new Phrase("{0}, not the size asked for", words)),
        };
    }

    private static ScoredPart Qualifications(IReadOnlyList<string> qualifications)
    {
        if (qualifications.Count == 0) return new("qualifications", 0, QualificationsMost, new Phrase("No verified qualifications"));
        var names = qualifications.Select(q => CandidateIndex.QualificationNames.TryGetValue(q, out var n) ? Both(n.En, n.Zh) : Both(q, q)).ToList();
        return new("qualifications", Math.Min(2, qualifications.Count) * QualificationsMost / 2, QualificationsMost,
            new Phrase("Verified: {0}", Both(string.Join(", ", names.Select(n => n.En)), string.Join("、", names.Select(n => n.Zh)))));
    }

    private static ScoredPart Distance(double? km, bool samePark)
    {
        if (samePark) return new("distance", DistanceMost, DistanceMost, new Phrase("In the same park"));
        if (km is not { } d) return new("distance", 0, DistanceMost, new Phrase("Distance unknown"));
        return new("distance", Round(DistanceMost * Math.Max(0, 1 - d / FarKm)), DistanceMost, new Phrase("{0:0.0} km away", d));
    }

    /// <summary>Up to half the points for earlier collaborations (three or more: all of that half), the other half for
    /// how they were rated (1 star: none, 5 stars: all).</summary>
    private static ScoredPart Record(TrackRecord record)
    {
        if (record.Collaborations == 0) return new("record", 0, RecordMost, new Phrase("No earlier collaborations in the zone"));
        var done = RecordMost / 2 * Math.Min(record.Collaborations, 3) / 3;
        if (record.AverageStars is not { } stars)
            return new("record", Round(done), RecordMost, new Phrase("{0} earlier collaborations in the zone, not rated yet", record.Collaborations));
        return new("record", Round(done + RecordMost / 2 * (stars - 1) / 4), RecordMost,
            new Phrase("{0} earlier collaborations in the zone, rated {1:0.0} of 5", record.Collaborations, stars));
    }

    private static int SizeRank(string code)
    {
        for (var i = 0; i < PartnerSizes.All.Count; i++) if (PartnerSizes.All[i].Code == code) return i;
        return -1;
    }

    private static Phrase.InBothLanguages Both(string en, string zh) => new(en, zh);

    private static double Round(double points) => Math.Round(points, 1);
}

/// <summary>One named part of a candidate's score while ranking: the sentence stays a phrase until it is shown.</summary>
public sealed record ScoredPart(string Part, double Points, double Most, Phrase Why);
