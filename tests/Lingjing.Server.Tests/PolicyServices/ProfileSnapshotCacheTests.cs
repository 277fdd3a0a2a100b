using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>Previews never wait for a reload of every profile: an old snapshot is served while a newer one loads.</summary>
public sealed class ProfileSnapshotCacheTests
{
    [Fact]
    public async Task An_old_snapshot_is_served_at_once_while_one_reload_brings_the_new_data()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        // The server under test stamps snapshots with the run's clock (pinned or not): this clock starts there too.
        var clock = new FakeTimeProvider(TestClock.Now);
        var cache = new ProfileSnapshotCache(scene.App.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            scene.App.Service<IOptions<LingjingOptions>>(), NullLogger<ProfileSnapshotCache>.Instance);

        var first = await cache.GetAsync(ProfileSnapshotCache.PreviewMaxAge, CancellationToken.None);
        first.Table.Count.ShouldBe(3);
        await AddEnterpriseAsync(scene);

        (await cache.GetAsync(ProfileSnapshotCache.PreviewMaxAge, CancellationToken.None)).ShouldBeSameAs(first, "young enough: no reload");
        clock.Advance(ProfileSnapshotCache.PreviewMaxAge + TimeSpan.FromSeconds(1));
        (await cache.GetAsync(ProfileSnapshotCache.PreviewMaxAge, CancellationToken.None)).ShouldBeSameAs(first, "too old: served, and a reload starts");

        await cache.BackgroundReload;
        var reloaded = await cache.GetAsync(ProfileSnapshotCache.PreviewMaxAge, CancellationToken.None);
        reloaded.ShouldNotBeSameAs(first);
        reloaded.Table.Count.ShouldBe(4);
    }

    private static async Task AddEnterpriseAsync(PolicyScene scene)
    {
        await using var scope = scene.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        db.Add(ZoneRows.Enterprise(scene.ParkId, "Delta Studio"));
        await db.SaveChangesAsync();
    }
}
