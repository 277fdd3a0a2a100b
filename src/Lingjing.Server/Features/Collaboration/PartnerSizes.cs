using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>The size of partner a need asks for, by employees (the size classes of China's statistics for
/// cultural enterprises, simplified).</summary>
public static class PartnerSizes
{
    public const string Any = "any";

    public static readonly IReadOnlyList<CatalogueEntry> All =
    [
        new(Any, "不限", "Any size"),
        new("micro", "微型（10 人以下）", "Micro (under 10)"),
        new("small", "小型（10-99 人）", "Small (10-99)"),
        new("medium", "中型（100-999 人）", "Medium (100-999)"),
        new("large", "大型（1000 人以上）", "Large (1,000 and more)"),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(s => s.Code)];

    /// <summary>The size class of an enterprise with this many employees.</summary>
    public static string Of(int employees) => employees switch
    {
        < 10 => "micro",
        < 100 => "small",
        < 1000 => "medium",
        _ => "large",
    };
}
