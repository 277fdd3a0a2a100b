using Microsoft.Extensions.Caching.Hybrid;

namespace Lingjing.Server.Infrastructure.Caching;

public static class CachingExtensions
{
    /// <summary>HybridCache for values, the output cache for whole responses (both in memory on each node: no
    /// distributed store yet, so a change made on another node shows here when an entry expires), and
    /// table-tag eviction on writes for both.</summary>
    public static WebApplicationBuilder AddLingjingCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddHybridCache(cache => cache.DefaultEntryOptions = new HybridCacheEntryOptions
        {
            Expiration = TimeSpan.FromMinutes(5),
            LocalCacheExpiration = TimeSpan.FromMinutes(5),
        });
        builder.Services.AddOutputCache();
        builder.Services.AddSingleton<CacheEviction>();
        builder.Services.AddSingleton<TableChangeEviction>();
        return builder;
    }

    /// <summary>Caches the endpoint's response for everyone (see <see cref="SharedResponsePolicy"/>), evicted when
    /// any of <paramref name="tables"/> is written on this node.</summary>
    public static TBuilder CacheSharedResponse<TBuilder>(this TBuilder endpoint, TimeSpan duration, params string[] tables)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.CacheOutput(new SharedResponsePolicy(duration, TableTags.Of(tables)));

    /// <summary>As <see cref="CacheSharedResponse{TBuilder}(TBuilder, TimeSpan, string[])"/>, one entry per value of <paramref name="varyBy"/>.</summary>
    public static TBuilder CacheSharedResponse<TBuilder>(this TBuilder endpoint, TimeSpan duration, Func<HttpContext, string> varyBy, params string[] tables)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.CacheOutput(new SharedResponsePolicy(duration, TableTags.Of(tables), varyBy));
}
