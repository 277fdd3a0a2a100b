using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Hybrid;

namespace Lingjing.Server.Infrastructure.Caching;

/// <summary>Evicts the cached values and cached responses that were read from some tables, in both
/// caches at once: HybridCache (values) and the output cache (whole responses).</summary>
public sealed class CacheEviction(HybridCache values, IOutputCacheStore responses)
{
    public async ValueTask TablesChangedAsync(IEnumerable<string> tables, CancellationToken ct = default)
    {
        foreach (var table in tables.Distinct(StringComparer.Ordinal))
        {
            var tag = TableTags.For(table);
            await values.RemoveByTagAsync(tag, ct);
            await responses.EvictByTagAsync(tag, ct);
        }
    }

    public ValueTask TablesChangedAsync(params string[] tables) => TablesChangedAsync(tables, CancellationToken.None);
}
