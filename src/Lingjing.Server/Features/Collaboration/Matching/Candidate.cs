namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Someone a need can be matched with: an enterprise (by what it is and does) or one of its active offers.</summary>
public sealed record Candidate(
    CandidateKind Kind, int Id, int EnterpriseId, string NameZh, string NameEn, int ParkId, string Category, string? Segment,
    int Employees, IReadOnlyList<string> Qualifications, IReadOnlySet<string> Words);

public enum CandidateKind
{
    Enterprise,
    Offer,
}
