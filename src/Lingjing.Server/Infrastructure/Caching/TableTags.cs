namespace Lingjing.Server.Infrastructure.Caching;

/// <summary>Cache tags named after the tables an entry was read from. Whatever writes a table evicts its
/// tag (<see cref="TableChangeEviction"/> for EF Core saves, <see cref="CacheEviction"/> for SQL written by
/// hand), so a cached value never outlives a change on this node. The same tags serve HybridCache and the
/// output cache.</summary>
public static class TableTags
{
    public static string For(string table) => "table:" + table;

    public static string[] Of(params string[] tables) => Array.ConvertAll(tables, For);
}
