using Microsoft.AspNetCore.OutputCaching;

namespace Lingjing.Server.Infrastructure.Caching;

/// <summary>Output caching for a response that is the same for every caller allowed to ask: anonymous or
/// signed in, any role. Only for endpoints whose answer depends on nothing but the address (path and query,
/// all keys) and, when given, <paramref name="varyBy"/> (e.g. today's date for an answer that depends on the day);
/// the authorization middleware still runs before the cache answers. Never stores a response that sets a cookie
/// or is not a 200.</summary>
public sealed class SharedResponsePolicy(TimeSpan duration, IReadOnlyList<string> tags, Func<HttpContext, string>? varyBy = null) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var method = context.HttpContext.Request.Method;
        var cacheable = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = "*";
        if (varyBy is not null) context.CacheVaryByRules.VaryByValues["vary"] = varyBy(context.HttpContext);
        foreach (var tag in tags) context.Tags.Add(tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
