using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>Twins of the demo zone, once, after the zone is seeded: every park, building, floor and
/// space, sensors in the spaces and buildings, and in park 1 a textile and an automotive production
/// line with their machines. Recorded in system_settings.</summary>
internal sealed class TwinDemoSeeder(LingjingDbContext db, BulkWriter bulk, IOptions<LingjingOptions> options, TimeProvider time, ILogger<TwinDemoSeeder> logger)
    : IDataInitializer
{
    public const string SettingKey = "demo.twins.seeded";
    public const int FactoryPark = 1;
    private const long SeedLockKey = 83881858788721;

    public int Order => 20;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo) return;
        if (await db.Set<SystemSetting>().AnyAsync(s => s.Key == SettingKey, cancellationToken)) return;
        if (!await db.Set<SystemSetting>().AnyAsync(s => s.Key == ZoneStatistics.DemoSettingKey, cancellationToken)) return;
        // Nodes starting together on PostgreSQL: one seeds, the others wait and find it done.
        await using var seedLock = await SeedLock.AcquireAsync(db, SeedLockKey, cancellationToken);
        if (await db.Set<SystemSetting>().AnyAsync(s => s.Key == SettingKey, cancellationToken)) return;

        var parks = await db.Set<Park>().AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var buildings = await db.Set<Building>().AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var spaces = await db.Set<Space>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var plan = DemoTwinPlan.Build(parks, buildings, spaces, time.GetUtcNow().UtcDateTime);

        await using var session = await bulk.BeginAsync(cancellationToken);
        await session.WriteAsync(BulkTable<Twin>.FromModel(db), plan.Twins, cancellationToken: cancellationToken);
        await session.WriteAsync(BulkTable<TwinRelationship>.FromModel(db), plan.Relationships, cancellationToken: cancellationToken);
        await session.WriteAsync(BulkTable<Alarms.AlarmRule>.FromModel(db), plan.Rules, cancellationToken: cancellationToken);
        await session.WriteAsync(BulkTable<SystemSetting>.FromModel(db),
            [new SystemSetting { Key = SettingKey, Value = JsonSerializer.Serialize(new { twins = plan.Twins.Count, at = time.GetUtcNow() }) }],
            cancellationToken: cancellationToken);
        await session.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded {Twins} demo twins and {Relationships} relationships", plan.Twins.Count, plan.Relationships.Count);
    }
}
