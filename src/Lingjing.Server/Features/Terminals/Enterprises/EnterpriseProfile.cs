namespace Lingjing.Server.Features.Terminals.Enterprises;

/// <summary>An enterprise as its own staff and the government see it.</summary>
public sealed record EnterpriseProfile(
    int Id,
    string CreditCode,
    string NameZh,
    string NameEn,
    string Category,
    string CategoryNameEn,
    string CategoryNameZh,
    int ParkId,
    string ParkNameEn,
    string ParkNameZh,
    DateOnly FoundedOn,
    int Employees,
    bool AboveDesignatedSize,
    IReadOnlyList<string> Tags,
    string DescriptionZh,
    string DescriptionEn,
    string Website,
    string ContactEmail,
    string ContactPhone,
    long LatestRevenueYuan,
    DateTime UpdatedAt);
