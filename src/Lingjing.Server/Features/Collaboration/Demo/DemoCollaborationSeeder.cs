using System.Diagnostics;
using System.Text.Json;
using Lingjing.Server.Features.Collaboration.Conversations;
using Lingjing.Server.Features.Demo;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Collaboration.Demo;

/// <summary>Seeds the demo zone's collaboration once, after the zone: the needs, offers, agreements and ratings of
/// <see cref="DemoCollaborationPlan"/> and the conversations of <see cref="DemoConversationPlan"/>, written in one bulk transaction. Recorded in the <see cref="SettingKey"/> setting.</summary>
internal sealed class DemoCollaborationSeeder(
    LingjingDbContext db, BulkWriter bulk, IOptions<LingjingOptions> options, TimeProvider time, ILogger<DemoCollaborationSeeder> logger)
    : IDataInitializer
{
    public const string SettingKey = "demo.collaboration.seeded";
    private const long SeedLockKey = 83881858788722;

    public int Order => 40;

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.Value.Demo) await DemoAddition.SeedOnceAsync(db, SettingKey, SeedLockKey, () => SeedAsync(ct), ct);
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Need>().AnyAsync(ct) || await db.Set<Offer>().AnyAsync(ct))
        {
            logger.LogWarning("The database already holds needs or offers; the demo collaboration is not seeded over them");
            return;
        }
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow().UtcDateTime;
        var (plan, members) = await PlanWithMembersAsync(db, options.Value.DemoSeed, now, ct);
        var parkNames = await db.Set<Park>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.NameZh, p.NameEn), ct);
        var talks = DemoConversationPlan.Build(options.Value.DemoSeed, plan, members, parkNames, now);
        await using var session = await bulk.BeginAsync(ct);
        await session.WriteAsync(BulkTable<Offer>.FromModel(db), plan.Offers, cancellationToken: ct);
        await session.WriteAsync(BulkTable<Need>.FromModel(db), plan.Needs, cancellationToken: ct);
        await session.WriteAsync(BulkTable<NeedEvent>.FromModel(db), plan.Events, cancellationToken: ct);
        await session.WriteAsync(BulkTable<Agreement>.FromModel(db), plan.Agreements, cancellationToken: ct);
        await session.WriteAsync(BulkTable<AgreementRating>.FromModel(db), plan.Ratings, cancellationToken: ct);
        await session.WriteAsync(BulkTable<Conversation>.FromModel(db), talks.Conversations, cancellationToken: ct);
        await session.WriteAsync(BulkTable<ConversationMessage>.FromModel(db), talks.Messages, cancellationToken: ct);
        await session.WriteAsync(BulkTable<SystemSetting>.FromModel(db),
            [new SystemSetting { Key = SettingKey, Value = JsonSerializer.Serialize(new { summary = $"{plan.Summary()}, {talks.Summary()}", at = time.GetUtcNow() }) }],
            cancellationToken: ct);
        await session.CommitAsync(ct);
        logger.LogInformation("Seeded the demo collaboration ({Summary}; {Talks}) in {Seconds:0.0} s", plan.Summary(), talks.Summary(), clock.Elapsed.TotalSeconds);
    }

    /// <summary>The plan for the zone in the database (the benchmark rebuilds it the same way to read its ground truth).</summary>
    public static async Task<DemoCollaborationPlan> PlanAsync(LingjingDbContext db, int seed, DateTime now, CancellationToken ct) =>
        (await PlanWithMembersAsync(db, seed, now, ct)).Plan;

    private static async Task<(DemoCollaborationPlan Plan, Dictionary<Party, DemoCollaborationPlan.Member> Members)> PlanWithMembersAsync(
        LingjingDbContext db, int seed, DateTime now, CancellationToken ct)
    {
        var enterprises = await db.Set<Enterprise>().AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new DemoCollaborationPlan.Member(Party.Enterprise(e.Id), e.ParkId, e.Category, e.NameZh)).ToListAsync(ct);
        var institutions = await db.Set<Institution>().AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new DemoCollaborationPlan.Member(Party.Institution(i.Id), i.ParkId, i.ServiceType, i.NameZh)).ToListAsync(ct);
        return (DemoCollaborationPlan.Build(seed, enterprises, institutions, now), enterprises.Concat(institutions).ToDictionary(m => m.Party));
    }
}
