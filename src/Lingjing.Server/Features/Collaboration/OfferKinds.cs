using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration;

public static class OfferKinds
{
    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new("capability", "能力", "Capability"),
        new("service", "服务", "Service"),
        new("product", "产品", "Product"),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(k => k.Code)];
}
