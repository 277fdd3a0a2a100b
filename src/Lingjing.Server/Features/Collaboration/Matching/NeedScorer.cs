using System.Buffers;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Scores candidates for one need. <see cref="Points"/> gives a candidate's total without a sentence or an
/// allocation, for the tens of thousands ranked; <see cref="Parts"/> gives the named parts with their reasons, for the
/// few shown. Both add up the same points.</summary>
public sealed class NeedScorer
{
    public const double WordsMost = 40, ChainMost = 25, SizeMost = 10, QualificationsMost = 5, DistanceMost = 10, RecordMost = 10;
    /// <summary>Beyond this distance between parks, nearness adds nothing (the zone is about this wide).</summary>
    private const double FarKm = 30;

    private readonly Need _need;
    private readonly ChainSegment? _segment;
    private readonly int _needParkId;
    private readonly int _wantedSize;
    private readonly Dictionary<int, double?> _kilometres = [];
    private readonly CandidateIndex _index;

    public NeedScorer(Need need, int needParkId, NeedWords needWords, CandidateIndex index)
    {
        (_need, _needParkId, _words, _index) = (need, needParkId, needWords, index);
        _segment = IndustryChain.Find(need.Segment);
        _wantedSize = SizeRank(need.PartnerSize);
        TotalWeight = needWords.All.Sum(Weight);
    }

    private readonly NeedWords _words;

    /// <summary>The weight of all the need's words: sharing them all gives every point of the words part.</summary>
    public double TotalWeight { get; }

    /// <summary>A word's weight for this need: rarer words more (<see cref="CandidateIndex.Weight"/>), key words double.</summary>
    private double Weight(string word) => _index.Weight(word) * (_words.Key.Contains(word) ? NeedWords.KeyWeight : 1);

    /// <summary>The weight of the words each candidate (by position in the index) shares with the need, in an array
    /// rented from the shared pool (return it when done; it may be longer than the candidates).</summary>
    public double[] SharedWeights()
    {
        var shared = ArrayPool<double>.Shared.Rent(_index.Candidates.Count);
        Array.Clear(shared, 0, _index.Candidates.Count);
        foreach (var word in _words.All)
        {
            var weight = Weight(word);
            foreach (var i in _index.Using(word)) shared[i] += weight;
        }
        return shared;
    }

    /// <summary>The weight of the words one candidate shares with the need.</summary>
    public double SharedWeight(Candidate c)
    {
        var shared = 0.0;
        foreach (var word in _words.All) if (c.Words.Contains(word)) shared += Weight(word);
        return shared;
    }

    /// <summary>Whether the need is shown to the candidate's enterprise or institution (its visibility; only enterprises
    /// are invited).</summary>
    public static bool ShownTo(Need need, Candidate c) => need.Visibility switch
    {
        Visibilities.Parks => c.ParkId is { } park && need.VisibleParkIds.Contains(park),
        Visibilities.Invited => c.Owner.EnterpriseId is { } enterprise && need.InvitedEnterpriseIds.Contains(enterprise),
        _ => true,
    };

    /// <summary>The candidate's total, or null when it neither shares a word with the need nor sits in its part of the
    /// chain. <paramref name="shared"/>: the weight of the words they share.</summary>
    public double? Points(Candidate c, double shared)
    {
        var chain = ChainPoints(c);
        if (shared <= 0 && chain < ChainMost * 0.5) return null;
        return WordsPoints(shared) + chain + SizePoints(c.Employees) + QualificationPoints(c.Qualifications.Count) + DistancePoints(c.ParkId) + RecordPoints(c.Record);
    }

    /// <summary>The named parts of the candidate's score, each with its reason.</summary>
    public ScoredPart[] Parts(Candidate c, double shared) =>
        [Words(c, shared), Chain(c), Size(c.Employees), Qualifications(c.Qualifications), Distance(c.ParkId), Record(c.Record)];

    /// <summary>The square root of the share of the need's word weight: the first words in common say the most (half the
    /// weight shared gives 71 % of the points).</summary>
    private double WordsPoints(double shared) => shared <= 0 || TotalWeight <= 0 ? 0 : Round(WordsMost * Math.Sqrt(Math.Min(1, shared / TotalWeight)));

    private ScoredPart Words(Candidate c, double shared)
    {
        if (shared <= 0 || TotalWeight <= 0) return new("words", 0, WordsMost, new Phrase("No words in common"));
        var common = _words.All.Where(c.Words.Contains).OrderByDescending(Weight).ThenBy(w => w, StringComparer.Ordinal).Take(8);
        return new("words", WordsPoints(shared), WordsMost, new Phrase("Words in common: {0}", string.Join(", ", common)));
    }

    private double ChainPoints(Candidate c) =>
        _segment is null ? 0
        : c.Segment == _segment.Code ? ChainMost
        : c.Kind != CandidateKind.Institution && _segment.Categories.Contains(c.Category) ? ChainMost * 0.6
        : IndustryChain.Find(c.Segment) is { } offered && offered.Stage == _segment.Stage ? ChainMost * 0.4
        : 0;

    private ScoredPart Chain(Candidate c)
    {
        var points = ChainPoints(c);
        if (_segment is null) return new("chain", 0, ChainMost, new Phrase("Not placed in the chain"));
        if (points == ChainMost) return new("chain", points, ChainMost, new Phrase("Offers {0}, the segment asked for", Both(_segment.NameEn, _segment.NameZh)));
        if (points == ChainMost * 0.6)
        {
            var category = EnterpriseCategories.Find(c.Category);
            return new("chain", points, ChainMost, new Phrase("A {0} enterprise, as usually found in {1}",
                Both(category?.NameEn ?? c.Category, category?.NameZh ?? c.Category), Both(_segment.NameEn, _segment.NameZh)));
        }
        if (points > 0 && IndustryChain.Find(c.Segment) is { } offered)
            return new("chain", points, ChainMost, new Phrase("Offers {0}, at the same stage of the chain", Both(offered.NameEn, offered.NameZh)));
        return new("chain", 0, ChainMost, new Phrase("Elsewhere in the chain"));
    }

    private double SizePoints(int? employees)
    {
        if (_need.PartnerSize == PartnerSizes.Any) return SizeMost;
        if (employees is not { } count) return SizeMost / 2;
        return Math.Abs(SizeRank(PartnerSizes.Of(count)) - _wantedSize) switch { 0 => SizeMost, 1 => SizeMost / 2, _ => 0 };
    }

    private ScoredPart Size(int? employees)
    {
        var points = SizePoints(employees);
        if (_need.PartnerSize == PartnerSizes.Any) return new("size", points, SizeMost, new Phrase("Any size is welcome"));
        if (employees is not { } count) return new("size", points, SizeMost, new Phrase("A service institution: its size is not recorded"));
        var name = PartnerSizes.All[SizeRank(PartnerSizes.Of(count))];
        var words = Both(name.NameEn, name.NameZh);
        return points switch
        {
            SizeMost => new("size", points, SizeMost, new Phrase("{0}, the size asked for", words)),
            > 0 => new("size", points, SizeMost, new Phrase("{0}, next to the size asked for", words)),
            _ => new("size", 0, SizeMost, new Phrase("{0}, not the size asked for", words)),
        };
    }

    private static double QualificationPoints(int count) => Math.Min(2, count) * QualificationsMost / 2;

    private static ScoredPart Qualifications(IReadOnlyList<string> qualifications)
    {
        if (qualifications.Count == 0) return new("qualifications", 0, QualificationsMost, new Phrase("No verified qualifications"));
        var names = qualifications.Select(q => CandidateIndex.QualificationNames.TryGetValue(q, out var n) ? Both(n.En, n.Zh) : Both(q, q)).ToList();
        return new("qualifications", QualificationPoints(qualifications.Count), QualificationsMost,
            new Phrase("Verified: {0}", Both(string.Join(", ", names.Select(n => n.En)), string.Join("、", names.Select(n => n.Zh)))));
    }

    /// <summary>Kilometres from the need's park, once per park and request.</summary>
    private double? Kilometres(int park)
    {
        if (!_kilometres.TryGetValue(park, out var km)) _kilometres[park] = km = _index.Kilometres(_needParkId, park);
        return km;
    }

    private double DistancePoints(int? park) =>
        park == _needParkId ? DistanceMost
        : park is { } p && Kilometres(p) is { } d ? Round(DistanceMost * Math.Max(0, 1 - d / FarKm))
        : 0;

    private ScoredPart Distance(int? park)
    {
        if (park == _needParkId) return new("distance", DistanceMost, DistanceMost, new Phrase("In the same park"));
        if (park is not { } p || Kilometres(p) is not { } d) return new("distance", 0, DistanceMost, new Phrase("Distance unknown"));
        return new("distance", DistancePoints(park), DistanceMost, new Phrase("{0:0.0} km away", d));
    }

    /// <summary>Up to half the points for earlier collaborations (three or more: all of that half), the other half for
    /// how they were rated (1 star: none, 5 stars: all).</summary>
    private static double RecordPoints(TrackRecord record)
    {
        if (record.Collaborations == 0) return 0;
        var done = RecordMost / 2 * Math.Min(record.Collaborations, 3) / 3;
        return record.AverageStars is { } stars ? Round(done + RecordMost / 2 * (stars - 1) / 4) : Round(done);
    }

    private static ScoredPart Record(TrackRecord record)
    {
        var points = RecordPoints(record);
        if (record.Collaborations == 0) return new("record", 0, RecordMost, new Phrase("No earlier collaborations in the zone"));
        if (record.AverageStars is not { } stars)
            return new("record", points, RecordMost, new Phrase("{0} earlier collaborations in the zone, not rated yet", record.Collaborations));
        return new("record", points, RecordMost, new Phrase("{0} earlier collaborations in the zone, rated {1:0.0} of 5", record.Collaborations, stars));
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
