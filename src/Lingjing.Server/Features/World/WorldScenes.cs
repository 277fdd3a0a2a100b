using System.Globalization;
using Lingjing.Server.Infrastructure.Caching;
using Microsoft.Extensions.Caching.Hybrid;

namespace Lingjing.Server.Features.World;

/// <summary>Scenes through HybridCache: every visitor of a park asks for the same scene, and the zone's
/// ranks 50,000 enterprises. An entry is keyed by the minute of the app's clock (a space's "open now" changes
/// on the minute), and evicted when parks, buildings, spaces or enterprises are written or a building's model
/// changes.</summary>
public sealed class WorldScenes(HybridCache cache, IServiceScopeFactory scopes, TimeProvider time)
{
    private const string ModelsTag = "world:building-models";
    private static readonly HybridCacheEntryOptions Entry = new() { Expiration = TimeSpan.FromMinutes(1), LocalCacheExpiration = TimeSpan.FromMinutes(1) };
    private static readonly string[] Tags = [.. TableTags.Of("parks", "buildings", "spaces", "enterprises"), ModelsTag];

    public ValueTask<WorldScene?> ParkAsync(int parkId, CancellationToken ct) =>
        cache.GetOrCreateAsync(Key($"park/{parkId.ToString(CultureInfo.InvariantCulture)}"), (scopes, parkId),
            static async (state, ct) =>
            {
                await using var scope = state.scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<WorldSceneBuilder>().ParkAsync(state.parkId, ct);
            }, Entry, Tags, ct);

    public ValueTask<WorldScene> ZoneAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync(Key("zone"), scopes,
            static async (scopes, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<WorldSceneBuilder>().ZoneAsync(ct);
            }, Entry, Tags, ct);

    /// <summary>A building's model was uploaded or removed: scenes name its URL or none.</summary>
    public ValueTask ModelsChangedAsync() => cache.RemoveByTagAsync(ModelsTag);

    private string Key(string scene) =>
        $"world/scene/{scene}/{(time.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture)}";
}
