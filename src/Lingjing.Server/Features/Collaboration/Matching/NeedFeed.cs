namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>"Recommended for you": the open needs an enterprise or a service institution could answer, ranked with the
/// same named parts as a need's matches, the enterprise (institution) or one of its active offers as the candidate
/// (whichever fits better).</summary>
public sealed class NeedFeed(CandidateIndexCache candidates, OpenNeedIndexCache openNeeds)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public async Task<Outcome<IReadOnlyList<FeedItem>>> RecommendedAsync(Collaborator reader, int limit, CancellationToken ct)
    {
        if (reader.Party is not { } own)
            return Failure.Forbidden("Recommendations are for an enterprise or an institution: sign in as one of its people.") with { Code = "feed.no-enterprise" };
        var index = await candidates.GetAsync(ct);
        var mine = index.Candidates.Where(c => c.Owner == own).ToList();
        if (mine.Count == 0) return new List<FeedItem>();
        var scored = new List<(double Score, OpenNeed Open, Candidate By, NeedScorer Scorer, double Shared)>();
        foreach (var open in (await openNeeds.GetAsync(ct)).Needs)
        {
            var need = open.Need;
            if (need.EnterpriseId == own.EnterpriseId || !NeedScorer.ShownTo(need, mine[0])) continue;
            var scorer = new NeedScorer(need, open.ParkId, open.Words, index);
            (double Score, Candidate By, double Shared)? best = null;
            foreach (var candidate in mine)
            {
                var shared = scorer.SharedWeight(candidate);
                if (scorer.Points(candidate, shared) is not { } points) continue;
                if (best is null || points > best.Value.Score) best = (points, candidate, shared);
            }
            if (best is { } b) scored.Add((b.Score, open, b.By, scorer, b.Shared));
        }
        return scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Open.Need.CreatedAt).Take(limit)
            .Select(s => new FeedItem(NeedView.Of(s.Open.Need, s.Open.EnterpriseNameZh, s.Open.EnterpriseNameEn, s.Open.ParkId, reader),
                Math.Round(s.Score, 1), s.By.Kind == CandidateKind.Offer ? s.By.Id : null, NeedMatcher.Explain(s.Scorer.Parts(s.By, s.Shared))))
            .ToList();
    }
}

/// <summary>A need recommended to an enterprise or institution: its score and reasons, and its offer that fits the need
/// best (none when the enterprise or institution itself fits best).</summary>
public sealed record FeedItem(NeedView Need, double Score, int? ByOfferId, IReadOnlyList<MatchReason> Reasons);
