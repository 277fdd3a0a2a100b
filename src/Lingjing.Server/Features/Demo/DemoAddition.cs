using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Demo;

/// <summary>Runs a seeder of something the demo zone gets on top of the zone itself (twins, policies, collaboration):
/// once, after the zone, recorded by the seeder in the system setting <c>settingKey</c>; nodes that start together on
/// PostgreSQL take turns (<see cref="SeedLock"/>) and the later ones find it done.</summary>
public static class DemoAddition
{
    public static async Task SeedOnceAsync(LingjingDbContext db, string settingKey, long lockKey, Func<Task> seed, CancellationToken ct)
    {
        if (await SeededAsync(db, settingKey, ct)) return;
        await using (await SeedLock.AcquireAsync(db, lockKey, ct))
        {
            if (await SeededAsync(db, settingKey, ct)) return;
            if (!await SeededAsync(db, ZoneStatistics.DemoSettingKey, ct)) return; // no demo zone to add to
            await seed();
        }
    }

    private static Task<bool> SeededAsync(LingjingDbContext db, string key, CancellationToken ct) =>
        db.Set<SystemSetting>().AsNoTracking().AnyAsync(s => s.Key == key, ct);
}
