namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>All enterprise profiles as compact columns, for compiled rules: one array per field,
/// categories as indexes, tags as a 64-bit mask and revenue growth precomputed for 1..5 years
/// (NaN when not available). Immutable once built.</summary>
public sealed class ProfileTable
{
    public int Count;
    public int[] Ids = [];
    public int[] ParkIds = [];
    public int[] CategoryIndexes = [];
    public double[] Employees = [];
    public double[] FoundedYears = [];
    public bool[] AboveDesignatedSize = [];
    public double[] Revenues = [];
    public ulong[] TagMasks = [];
    /// <summary>Growths[n - 1][i]: revenue_growth(n) of enterprise i.</summary>
    public double[][] Growths = [];

    public RuleVocabulary Vocabulary { get; private init; } = null!;

    public static ProfileTable Build(IReadOnlyList<EnterpriseProfile> profiles, RuleVocabulary vocabulary)
    {
        var n = profiles.Count;
        var table = new ProfileTable
        {
            Vocabulary = vocabulary,
            Count = n,
            Ids = new int[n],
            ParkIds = new int[n],
            CategoryIndexes = new int[n],
            Employees = new double[n],
            FoundedYears = new double[n],
            AboveDesignatedSize = new bool[n],
            Revenues = new double[n],
            TagMasks = new ulong[n],
            Growths = Enumerable.Range(0, RuleVocabulary.MaxGrowthYears).Select(_ => new double[n]).ToArray(),
        };
        for (var i = 0; i < n; i++)
        {
            var p = profiles[i];
            table.Ids[i] = p.Id;
            table.ParkIds[i] = p.ParkId;
            table.CategoryIndexes[i] = vocabulary.CategoryIndex(p.Category);
            table.Employees[i] = p.Employees;
            table.FoundedYears[i] = p.FoundedYear;
            table.AboveDesignatedSize[i] = p.AboveDesignatedSize;
            table.Revenues[i] = p.LatestRevenue;
            ulong mask = 0;
            foreach (var tag in p.Tags)
                if (vocabulary.TagBit(tag) is var bit and >= 0)
                    mask |= 1UL << bit;
            table.TagMasks[i] = mask;
            for (var years = 1; years <= RuleVocabulary.MaxGrowthYears; years++)
                table.Growths[years - 1][i] = p.RevenueGrowth(years);
        }
        return table;
    }

    /// <summary>Row index of an enterprise id, or -1.</summary>
    public int IndexOf(int enterpriseId)
    {
        var i = Array.BinarySearch(Ids, enterpriseId);
        return i >= 0 ? i : -1;
    }
}
