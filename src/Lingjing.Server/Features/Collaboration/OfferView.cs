namespace Lingjing.Server.Features.Collaboration;

/// <summary>An offer with who makes it: <c>ownerKind</c> enterprise (with <c>enterpriseId</c>) or institution (with
/// <c>institutionId</c>); <c>parkId</c> is null for an institution not based in a park.</summary>
public sealed record OfferView(
    int Id, string OwnerKind, int? EnterpriseId, int? InstitutionId, string OwnerNameZh, string OwnerNameEn, int? ParkId,
    string Kind, string Title, string Description, string Segment, string Stage, IReadOnlyList<string> Tags,
    long? PriceMinYuan, long? PriceMaxYuan, IReadOnlyList<string> Examples, bool Active,
    DateTime CreatedAt, DateTime UpdatedAt, bool Mine);
