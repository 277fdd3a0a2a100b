namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Someone a need can be matched with: an enterprise (by what it is and does) or one of its active offers, with
/// the enterprise's track record.</summary>
public sealed record Candidate(
    CandidateKind Kind, int Id, int EnterpriseId, string NameZh, string NameEn, int ParkId, string Category, string? Segment,
    int Employees, IReadOnlyList<string> Qualifications, IReadOnlySet<string> Words, TrackRecord Record);

/// <summary>An enterprise's confirmed agreements in the zone (as client or partner) and the average of the stars others
/// gave it for them (null before the first rating).</summary>
public sealed record TrackRecord(int Collaborations, double? AverageStars)
{
    public static readonly TrackRecord None = new(0, null);
}

public enum CandidateKind
{
    Enterprise,
    Offer,
}
