using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Demo;

/// <summary>Seeds the demo zone and demo accounts on the first start in demo mode, in one
/// transaction, and records it in the <see cref="ZoneStatistics.DemoSettingKey"/> setting so later
/// starts skip straight past. Runs after the roles exist.</summary>
internal sealed class DemoSeeder(
    LingjingDbContext db,
    BulkWriter bulk,
    IPasswordHasher<LingjingUser> passwordHasher,
    IOptions<LingjingOptions> options,
    TimeProvider time,
    ILogger<DemoSeeder> logger) : IDataInitializer
{
    public int Order => 10;

    // Several app nodes may start at once on a fresh PostgreSQL database: one seeds, the others wait.
    private const long SeedLockKey = 83881858788719; // "LJDemo"

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo) return;
        if (await SeededAsync(cancellationToken)) return;

        var postgres = db.Database.IsNpgsql();
        await using (await SeedLock.AcquireAsync(db, SeedLockKey, cancellationToken))
        {
            if (postgres && await SeededAsync(cancellationToken)) return;
            if (await db.Set<Park>().AnyAsync(cancellationToken))
            {
                logger.LogWarning("The database already holds parks that are not demo data; the demo zone is not seeded over them");
                return;
            }

            var clock = Stopwatch.StartNew();
            logger.LogInformation("Seeding the demo zone (seed {Seed}); this happens once", options.Value.DemoSeed);
            if (ConsoleSeedProgress.Available)
                await ConsoleSeedProgress.RunAsync(progress => SeedAsync(progress, cancellationToken));
            else
                await SeedAsync(new LoggedSeedProgress(logger), cancellationToken);
            // The load passed through SQLite's write-ahead log (~90 MB): fold it into the database now
            // rather than leave it for the next start to replay.
            if (!postgres) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            logger.LogInformation("Seeded the demo zone in {Seconds:0.0} s", clock.Elapsed.TotalSeconds);
        }
    }

    private async Task<bool> SeededAsync(CancellationToken cancellationToken)
    {
        var seeded = await db.Set<SystemSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.Key == ZoneStatistics.DemoSettingKey, cancellationToken);
        if (seeded is not null) logger.LogInformation("Demo zone already seeded ({Setting}); nothing to do", seeded.Value);
        return seeded is not null;
    }

    private async Task SeedAsync(SeedProgress progress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var seed = options.Value.DemoSeed;

        var step = Stopwatch.StartNew();
        progress.Begin("generate", 0);
        var generator = new DemoZoneGenerator(seed, DemoZoneGenerator.ReferenceYearOf(time));
        var generating = Task.Run(generator.Generate, cancellationToken);
        // Hashing is deliberately slow (PBKDF2), so every demo account shares one hash, made while the zone is generated.
        var hash = passwordHasher.HashPassword(new LingjingUser(), DemoAccountGenerator.Password);
        var zone = await generating;
        var accounts = DemoAccountGenerator.Generate(seed, hash, now);
        var bookings = DemoBookingGenerator.Generate(seed, zone, accounts, now, options.Value.ZoneTimeZone);
        progress.End("generate", 0, step.Elapsed);

        var setting = new SystemSetting
        {
            Key = ZoneStatistics.DemoSettingKey,
            Value = JsonSerializer.Serialize(new { seed, seededOn = DateOnly.FromDateTime(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), revenueYears = zone.RevenueYears }),
        };

        await using var session = await bulk.BeginAsync(cancellationToken);
        await WriteAsync(session, zone.Parks);
        await WriteAsync(session, zone.Buildings);
        await WriteAsync(session, zone.Enterprises);
        await WriteAsync(session, zone.Revenues);
        await WriteAsync(session, zone.Institutions);
        await WriteAsync(session, zone.Spaces);
        await WriteAsync(session, accounts.Users);
        await WriteAsync(session, accounts.UserRoles);
        await WriteAsync(session, bookings.Rules);
        await WriteAsync(session, bookings.Blackouts);
        await WriteAsync(session, bookings.Bookings);
        await WriteAsync(session, [setting]);
        await session.CommitAsync(cancellationToken);

        async Task WriteAsync<T>(IBulkSession target, IReadOnlyList<T> rows)
        {
            var table = BulkTable<T>.FromModel(db);
            var started = Stopwatch.StartNew();
            var advance = progress.Begin(table.Name, rows.Count);
            await target.WriteAsync(table, rows, advance, cancellationToken);
            progress.End(table.Name, rows.Count, started.Elapsed);
        }
    }
}
