using Lingjing.Server.Features.Collaboration;

namespace Lingjing.Bench.Collaboration;

/// <summary>Precision of the first ten partners and recall of the first fifty, against the good partners of the
/// generator's ground truth; averaged over the needs scored.</summary>
public sealed class QualityScore
{
    private readonly List<double> precisions = [], recalls = [];

    public void Add(IReadOnlyList<Party> ranked, IReadOnlySet<Party> good)
    {
        precisions.Add(ranked.Take(10).Count(good.Contains) / 10.0);
        recalls.Add(ranked.Take(50).Count(good.Contains) / (double)good.Count);
    }

    public int Needs => precisions.Count;
    public double PrecisionAt10 => Math.Round(precisions.DefaultIfEmpty().Average(), 3);
    public double RecallAt50 => Math.Round(recalls.DefaultIfEmpty().Average(), 3);
}
