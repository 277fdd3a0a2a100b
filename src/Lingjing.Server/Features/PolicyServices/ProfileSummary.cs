using Lingjing.Server.Features.PolicyServices.Rules;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The profile fields an application records, as they were when it was made.</summary>
public sealed record ProfileSummary(
    string Category, int Employees, int FoundedYear, bool AboveDesignatedSize, long LatestRevenueYuan,
    double? RevenueGrowth1, string Park, IReadOnlyList<string> Tags)
{
    public static ProfileSummary Of(EnterpriseProfile p, RuleVocabulary vocabulary) => new(
        p.Category, p.Employees, p.FoundedYear, p.AboveDesignatedSize, p.LatestRevenue,
        double.IsNaN(p.RevenueGrowth(1)) ? null : Math.Round(p.RevenueGrowth(1), 4),
        vocabulary.ParkById.TryGetValue(p.ParkId, out var park) ? park.NameEn : "",
        p.Tags);
}
