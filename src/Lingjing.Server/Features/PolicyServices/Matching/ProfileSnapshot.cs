using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>All enterprise profiles at one moment: as objects (for explanations) and as a compact
/// <see cref="ProfileTable"/> (for compiled matching), sorted by enterprise id.</summary>
public sealed class ProfileSnapshot(IReadOnlyList<EnterpriseProfile> profiles, RuleVocabulary vocabulary, DateTime loadedAt, string fingerprint = "")
{
    public IReadOnlyList<EnterpriseProfile> Profiles { get; } = profiles;
    public RuleVocabulary Vocabulary { get; } = vocabulary;
    public ProfileTable Table { get; } = ProfileTable.Build(profiles, vocabulary);
    public DateTime LoadedAt { get; } = loadedAt;
    /// <summary>The <see cref="ProfileLoader.FingerprintAsync"/> of the data it was loaded from.</summary>
    public string Fingerprint { get; } = fingerprint;

    public EnterpriseProfile? Find(int enterpriseId) => Table.IndexOf(enterpriseId) is var i and >= 0 ? Profiles[i] : null;
}
