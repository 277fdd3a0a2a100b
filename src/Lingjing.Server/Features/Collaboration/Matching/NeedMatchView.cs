namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>A candidate for a need (<c>kind</c> enterprise, institution or offer), who it is (<c>ownerKind</c> enterprise
/// with <c>enterpriseId</c>, or institution with <c>institutionId</c>), its score out of 100 and the named parts it is made
/// of: each part's points, its most, and why, in the reader's language.</summary>
public sealed record NeedMatchView(
    string Kind, int Id, string OwnerKind, int? EnterpriseId, int? InstitutionId, string NameZh, string NameEn, int? ParkId,
    string? OfferSegment, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>One named part of a score: <c>words</c>, <c>chain</c>, <c>size</c>, <c>qualifications</c>, <c>distance</c> or <c>record</c>.</summary>
public sealed record MatchReason(string Part, double Points, double Most, string Text);

/// <summary>The ranked candidates of one need.</summary>
public sealed record NeedMatches(int NeedId, IReadOnlyList<string> Words, IReadOnlyList<NeedMatchView> Matches);
