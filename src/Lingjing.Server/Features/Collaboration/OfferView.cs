namespace Lingjing.Server.Features.Collaboration;

public sealed record OfferView(
    int Id, int EnterpriseId, string EnterpriseNameZh, string EnterpriseNameEn, int ParkId,
    string Kind, string Title, string Description, string Segment, string Stage, IReadOnlyList<string> Tags,
    long? PriceMinYuan, long? PriceMaxYuan, IReadOnlyList<string> Examples, bool Active,
    DateTime CreatedAt, DateTime UpdatedAt, bool Mine);
