using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.PolicyServices;

public static class PolicyLevels
{
    public const string National = "national";
    public const string Municipal = "municipal";
    public const string District = "district";
    public const string Zone = "zone";

    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new(National, "国家级", "National"),
        new(Municipal, "市级", "Municipal"),
        new(District, "区级", "District"),
        new(Zone, "园区级", "Zone"),
    ];
}
