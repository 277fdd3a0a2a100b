namespace Lingjing.Server.Features.PolicyServices.Rules;

/// <summary>A rule compiled to a delegate that scans a whole <see cref="ProfileTable"/> and writes the
/// row indexes of the matching enterprises into a buffer (of at least Count rows), returning how many.</summary>
public sealed class CompiledRule(PolicyRule rule, Func<ProfileTable, int[], int> scan, Lazy<Func<ProfileTable, int, bool>> test)
{
    public PolicyRule Rule { get; } = rule;

    public int Scan(ProfileTable table, int[] buffer) => scan(table, buffer);

    /// <summary>Whether one row matches (compiled on first use: matching only needs <see cref="Scan"/>).</summary>
    public bool Test(ProfileTable table, int row) => test.Value(table, row);

    /// <summary>Ids of the matching enterprises, ascending when the table's ids are.</summary>
    public int[] MatchingIds(ProfileTable table)
    {
        var buffer = new int[table.Count];
        var count = scan(table, buffer);
        var ids = new int[count];
        for (var i = 0; i < count; i++) ids[i] = table.Ids[buffer[i]];
        return ids;
    }
}
