using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.PolicyServices;

public static class PolicyModes
{
    /// <summary>快申快享: the enterprise applies, a reviewer decides.</summary>
    public const string Apply = "apply";
    /// <summary>免申即享: every eligible enterprise gets an approved entitlement at publish time.</summary>
    public const string Automatic = "automatic";

    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new(Apply, "快申快享", "Apply"),
        new(Automatic, "免申即享", "No application needed"),
    ];
}
