using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Government.Notices;

/// <summary>Whom a notice is for: enterprises of some parks, some industries, some size classes; a criterion left empty
/// takes every enterprise. Size classes go by employees, as China's statistics for cultural enterprises do (simplified).</summary>
public static class NoticeTargets
{
    public static readonly IReadOnlyList<CatalogueEntry> SizeClasses =
    [
        new("micro", "微型（10 人以下）", "Micro (under 10)"),
        new("small", "小型（10-99 人）", "Small (10-99)"),
        new("medium", "中型（100-999 人）", "Medium (100-999)"),
        new("large", "大型（1000 人以上）", "Large (1,000 and more)"),
    ];

    /// <summary>The employees of a size class, from (inclusive) to (exclusive).</summary>
    public static (int From, int To) Employees(string sizeClass) => sizeClass switch
    {
        "micro" => (0, 10),
        "small" => (10, 100),
        "medium" => (100, 1000),
        _ => (1000, int.MaxValue),
    };

    /// <summary>The enterprises a notice is for.</summary>
    public static IQueryable<Enterprise> Select(IQueryable<Enterprise> enterprises, IReadOnlyCollection<int> parks, IReadOnlyCollection<string> categories,
        IReadOnlyCollection<string> sizeClasses)
    {
        if (parks.Count > 0) enterprises = enterprises.Where(e => parks.Contains(e.ParkId));
        if (categories.Count > 0) enterprises = enterprises.Where(e => categories.Contains(e.Category));
        if (sizeClasses.Count > 0 && sizeClasses.Count < SizeClasses.Count)
        {
            // Each size class is a range of employees; ranges of neighbouring classes join, so two ranges at most matter
            // here, but any choice works: micro or large is "under 10 or at least 1000".
            var ranges = sizeClasses.Select(Employees).OrderBy(r => r.From).ToList();
            var (from0, to0) = ranges[0];
            var (from1, to1) = ranges.Count > 1 ? ranges[1] : ranges[0];
            var (from2, to2) = ranges.Count > 2 ? ranges[2] : ranges[0];
            enterprises = enterprises.Where(e => (e.Employees >= from0 && e.Employees < to0) || (e.Employees >= from1 && e.Employees < to1)
                || (e.Employees >= from2 && e.Employees < to2));
        }
        return enterprises;
    }
}
