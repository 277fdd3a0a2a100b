using Lingjing.Server.Features.EnterpriseFacts;

namespace Lingjing.Server.Features.Terminals.Enterprises;

/// <summary>An enterprise as its own staff and the government see it. <see cref="Employees"/> and
/// <see cref="Tags"/> are the verified values; declared ones waiting for review are in <see cref="PendingChanges"/>.</summary>
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
    DateTime UpdatedAt,
    IReadOnlyList<FactChangeView> PendingChanges,
    int? DeclaredEmployees,
    IReadOnlyList<string>? DeclaredTags);
