using System.Buffers;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Ranks the zone's enterprises, service institutions and offers for one need. The score is the sum of named
/// parts, each with a most (<see cref="NeedScorer"/>): shared words (rare words weigh more), position in the industry
/// chain, size class, verified qualifications, distance between parks and the candidate's earlier collaborations and
/// their ratings. Only candidates that share a word with the need or sit in its part of the chain are ranked, and only
/// those the need is shown to.</summary>
public static class NeedMatcher
{
    public static NeedMatches Rank(Need need, int needParkId, NeedWords needWords, CandidateIndex index, int limit)
    {
        var scorer = new NeedScorer(need, needParkId, needWords, index);
        var candidates = index.Candidates;
        var shared = scorer.SharedWeights();
        try
        {
            return Rank(need, needWords, scorer, candidates, shared, limit);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(shared);
        }
    }

    private static NeedMatches Rank(Need need, NeedWords needWords, NeedScorer scorer, IReadOnlyList<Candidate> candidates, double[] shared, int limit)
    {
        // The best `limit` by total (ties: the earlier in the index), kept in a heap whose root is the weakest kept.
        var best = new PriorityQueue<int, (double Score, int Index)>(limit + 1, Weakest.First);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Owner.EnterpriseId == need.EnterpriseId || !NeedScorer.ShownTo(need, c)) continue;
            if (scorer.Points(c, shared[i]) is not { } points) continue;
            if (best.Count == limit && best.TryPeek(out _, out var weakest) && Weakest.First.Compare((points, i), weakest) <= 0) continue;
            best.Enqueue(i, (points, i));
            if (best.Count > limit) best.Dequeue();
        }
        var top = new List<(double Score, int Index)>(best.Count);
        while (best.TryDequeue(out var i, out var key)) top.Add(key);
        top.Reverse();
        var matches = top.Select(t =>
        {
            var c = candidates[t.Index];
            return new NeedMatchView(KindName(c.Kind), c.Id, c.Owner.Kind, c.Owner.EnterpriseId, c.Owner.InstitutionId, c.NameZh, c.NameEn,
                c.ParkId, c.Kind == CandidateKind.Offer ? c.Segment : null, Math.Round(t.Score, 1), Explain(scorer.Parts(c, shared[t.Index])));
        }).ToList();
        return new NeedMatches(need.Id, [.. needWords.All.OrderBy(w => w, StringComparer.Ordinal)], matches);
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

    /// <summary>Orders the heap so that its root is the weakest of those kept: the lowest score, and of equal scores the
    /// later in the index.</summary>
    private sealed class Weakest : IComparer<(double Score, int Index)>
    {
        public static readonly Weakest First = new();

        public int Compare((double Score, int Index) x, (double Score, int Index) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Index.CompareTo(x.Index);
    }
}
