using System.ComponentModel;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Every candidate of the zone with its words, an inverted index from each word to the candidates that use it,
/// each word's weight (rarer words weigh more: inverse document frequency), and the parks' positions. Built once and
/// replaced when enterprises or offers change (<see cref="CandidateIndexCache"/>); read by many requests at once.</summary>
[ImmutableObject(true)] // shared by every reader, never copied by the cache
public sealed class CandidateIndex
{
    private readonly Dictionary<string, int[]> _postings;
    private readonly Dictionary<string, double> _weights;

    public CandidateIndex(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<int, (double Latitude, double Longitude)> parks)
    {
        Candidates = candidates;
        Parks = parks;
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var word in candidates[i].Words)
            {
                if (!postings.TryGetValue(word, out var list)) postings[word] = list = [];
                list.Add(i);
            }
        }
        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        var count = Math.Max(candidates.Count, 1);
        _weights = postings.ToDictionary(p => p.Key, p => Math.Log(1 + count / (double)p.Value.Count), StringComparer.Ordinal);
    }

    public IReadOnlyList<Candidate> Candidates { get; }
    public IReadOnlyDictionary<int, (double Latitude, double Longitude)> Parks { get; }

    /// <summary>The candidates (by position) that use the word; none for a word nobody uses.</summary>
    public ReadOnlySpan<int> Using(string word) => _postings.TryGetValue(word, out var list) ? list : [];

    /// <summary>How much a shared word says: rare words more than common ones. A word no candidate uses weighs as the
    /// rarest would.</summary>
    public double Weight(string word) => _weights.TryGetValue(word, out var weight) ? weight : Math.Log(1 + Math.Max(Candidates.Count, 1));

    /// <summary>Kilometres between two parks (great-circle), or null when either is unknown.</summary>
    public double? Kilometres(int fromPark, int toPark)
    {
        if (!Parks.TryGetValue(fromPark, out var a) || !Parks.TryGetValue(toPark, out var b)) return null;
        const double EarthKm = 6371;
        var (lat1, lat2) = (a.Latitude * Math.PI / 180, b.Latitude * Math.PI / 180);
        var dLat = lat2 - lat1;
        var dLon = (b.Longitude - a.Longitude) * Math.PI / 180;
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The tags of an enterprise or institution that say something verified about its standing (not, e.g.,
    /// "startup" or "online service").</summary>
    public static IReadOnlyList<string> QualificationsOf(IEnumerable<string> tags) => [.. tags.Where(QualificationNames.ContainsKey)];

    /// <summary>The qualifications matching counts, with their names.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> QualificationNames = new Dictionary<string, (string Zh, string En)>
    {
        [EnterpriseTags.HighTech] = EnterpriseTags.Names[EnterpriseTags.HighTech],
        [EnterpriseTags.SpecializedInnovative] = EnterpriseTags.Names[EnterpriseTags.SpecializedInnovative],
        [EnterpriseTags.Export] = EnterpriseTags.Names[EnterpriseTags.Export],
        [EnterpriseTags.Listed] = EnterpriseTags.Names[EnterpriseTags.Listed],
        [EnterpriseTags.TimeHonoured] = EnterpriseTags.Names[EnterpriseTags.TimeHonoured],
        [EnterpriseTags.Gazelle] = EnterpriseTags.Names[EnterpriseTags.Gazelle],
        [InstitutionGovernmentCertified] = ("政府认定服务机构", "government-certified institution"),
    };

    /// <summary>The tag of an institution the government has certified as a public service provider.</summary>
    public const string InstitutionGovernmentCertified = "government-certified";
}
