using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.PolicyServices;

public static class PolicyCategories
{
    public const string Reduction = "reduction";
    public const string Grant = "grant";
    public const string Entitlement = "entitlement";
    public const string Qualification = "qualification";

    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new(Reduction, "税费减免", "Tax and fee reduction"),
        new(Grant, "资金奖补", "Grant or award"),
        new(Entitlement, "惠企待遇", "Entitlement"),
        new(Qualification, "资质认定", "Qualification"),
    ];
}
