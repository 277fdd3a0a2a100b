using System.Net.Http.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Demo;

[Collection(DemoZoneCollection.Name)]
public sealed class DemoZoneTests(DemoZoneFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Seeded_zone_has_the_reference_counts(Db db)
    {
        var app = await fixture.App(db);
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();

        (await data.Set<Park>().CountAsync()).ShouldBe(51);
        (await data.Set<Enterprise>().CountAsync()).ShouldBe(50_000);
        (await data.Set<Enterprise>().CountAsync(e => e.AboveDesignatedSize)).ShouldBe(1_400);
        (await data.Set<EnterpriseRevenue>().CountAsync()).ShouldBe(150_000);
        (await data.Set<Institution>().CountAsync()).ShouldBe(300);
        (await data.Set<Space>().CountAsync()).ShouldBe(1_000);
        var buildingsPerPark = await data.Set<Building>().GroupBy(b => b.ParkId).Select(g => g.Count()).ToListAsync();
        buildingsPerPark.Count.ShouldBe(51);
        buildingsPerPark.ShouldAllBe(count => count >= 8);
    }

    [Theory, BothDatabases]
    public async Task Zone_summary_reports_11_3_percent_growth_and_demo_data(Db db)
    {
        var app = await fixture.App(db);

        var summary = await app.Anonymous().GetFromJsonAsync<ZoneSummary>("/api/v1/zone/summary");

        summary.ShouldNotBeNull();
        summary.AverageRevenueGrowth3y.ShouldBe(0.113);
        summary.DemoData.ShouldBeTrue();
        summary.Parks.ShouldBe(51);
        summary.Enterprises.ShouldBe(50_000);
        summary.EnterprisesAboveDesignatedSize.ShouldBe(1_400);
        summary.Institutions.ShouldBe(300);
        summary.Spaces.ShouldBe(1_000);
    }

    [Theory, BothDatabases]
    public async Task Bulk_written_rows_read_back_through_ef_exactly_as_generated(Db db)
    {
        var app = await fixture.App(db);
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var expected = GeneratedDemoZone.Default;

        foreach (var id in new[] { 1, 777, 50_000 })
        {
            var enterprise = await data.Set<Enterprise>().AsNoTracking().Include(e => e.Revenues).SingleAsync(e => e.Id == id);
            var generated = expected.Enterprises[id - 1];
            enterprise.ShouldSatisfyAllConditions(
                () => enterprise.NameZh.ShouldBe(generated.NameZh),
                () => enterprise.CreditCode.ShouldBe(generated.CreditCode),
                () => enterprise.FoundedOn.ShouldBe(generated.FoundedOn),
                () => enterprise.Tags.ShouldBe(generated.Tags),
                () => enterprise.UpdatedAt.ShouldBe(generated.UpdatedAt),
                () => enterprise.LatestRevenueYuan.ShouldBe(generated.LatestRevenueYuan),
                () => enterprise.SearchText.ShouldBe(generated.SearchText),
                () => enterprise.Revenues.OrderBy(r => r.Year).Select(r => r.RevenueYuan)
                    .ShouldBe(expected.Revenues.Where(r => r.EnterpriseId == id).OrderBy(r => r.Year).Select(r => r.RevenueYuan)));
        }

        var space = await data.Set<Space>().AsNoTracking().SingleAsync(s => s.Id == 1);
        var generatedSpace = expected.Spaces[0];
        space.ShouldSatisfyAllConditions(
            () => space.OpensAt.ShouldBe(generatedSpace.OpensAt),
            () => space.ClosesAt.ShouldBe(generatedSpace.ClosesAt),
            () => space.Equipment.ShouldBe(generatedSpace.Equipment),
            () => space.X.ShouldBe(generatedSpace.X),
            () => space.BuildingId.ShouldBe(generatedSpace.BuildingId));

        // Queries that filter on the encoded columns agree with the generated rows.
        var cutoff = new DateOnly(2010, 1, 1);
        (await data.Set<Enterprise>().CountAsync(e => e.FoundedOn < cutoff)).ShouldBe(expected.Enterprises.Count(e => e.FoundedOn < cutoff));
        (await data.Set<Enterprise>().CountAsync(e => e.Tags.Contains("listed"))).ShouldBe(expected.Enterprises.Count(e => e.Tags.Contains("listed")));
        var evening = new TimeOnly(21, 30);
        (await data.Set<Space>().CountAsync(s => s.ClosesAt > evening)).ShouldBe(expected.Spaces.Count(s => s.ClosesAt > evening));
    }

    [Theory, BothDatabases]
    public async Task New_rows_after_seeding_get_ids_after_the_demo_rows(Db db)
    {
        var app = await fixture.App(db);
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var institution = new Institution { NameZh = "测试机构", NameEn = "Identity check institution", ServiceType = "legal" };

        data.Set<Institution>().Add(institution);
        await data.SaveChangesAsync();

        institution.Id.ShouldBeGreaterThan(300);
        data.Set<Institution>().Remove(institution);
        await data.SaveChangesAsync();
    }

    [Theory, BothDatabases]
    public async Task Restart_on_the_same_data_does_not_seed_again(Db db)
    {
        var app = await fixture.App(db);
        var connection = app.Service<DatabaseSettings>().ConnectionString;
        var settingBefore = await DemoSettingAsync(app);

        await using var restarted = await LingjingApp.StartAsync(db, demo: true, new Dictionary<string, string?>
        {
            ["Lingjing:DataDirectory"] = app.DataDirectory,
            ["ConnectionStrings:Postgres"] = db == Db.Postgres ? connection : "",
        });

        (await DemoSettingAsync(restarted)).ShouldBe(settingBefore);
        var summary = await restarted.Anonymous().GetFromJsonAsync<ZoneSummary>("/api/v1/zone/summary");
        summary!.Enterprises.ShouldBe(50_000);
        summary.Parks.ShouldBe(51);
    }

    private static async Task<string> DemoSettingAsync(LingjingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        return (await data.Set<SystemSetting>().SingleAsync(s => s.Key == ZoneStatistics.DemoSettingKey)).Value;
    }
}
