namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Someone a need can be matched with: an enterprise (by what it is and does), a service institution (by the
/// services it gives) or an active offer of either, with its owner's track record. <see cref="Category"/> is the
/// enterprise's category or the institution's service type; <see cref="Segment"/> the offer's segment, or the segment an
/// institution's services sit in; <see cref="Employees"/> is null for an institution (not recorded).</summary>
public sealed record Candidate(
    CandidateKind Kind, int Id, Party Owner, string NameZh, string NameEn, int? ParkId, string Category, string? Segment,
    int? Employees, IReadOnlyList<string> Qualifications, IReadOnlySet<string> Words, TrackRecord Record);

/// <summary>A party's confirmed agreements in the zone (as client or partner) and the average of the stars others gave it
/// for them (null before the first rating).</summary>
public sealed record TrackRecord(int Collaborations, double? AverageStars)
{
    public static readonly TrackRecord None = new(0, null);
}

public enum CandidateKind
{
    Enterprise,
    Offer,
    Institution,
}
