using Lingjing.Server.Features.Directory.Search;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lingjing.Server.Features.Directory.EnterpriseDirectory;

namespace Lingjing.Server.Tests.ZoneDirectory;

[Collection(DirectoryCollection.Name)]
public sealed class SearchIndexTests(DirectoryFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Search_follows_rows_inserted_renamed_and_deleted_after_startup(Db db)
    {
        var app = await fixture.AppAsync(db);
        var rows = await fixture.RowsAsync(db);
        var client = await fixture.ClientAsync(db);
        async Task<int[]> Find(string q) =>
            (await client.PageAsync<EnterpriseItem>("/api/v1/enterprises?q=" + Uri.EscapeDataString(q))).Items.Select(i => i.Id).ToArray();

        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var park = await context.Set<Park>().SingleAsync(p => p.Id == rows.ChaoyangPark);
            var added = DirectoryRows.NewEnterprise(park, "琥珀茶馆", "Amber Teahouse", "cultural-tourism", 2011, 9, false, 700_000, []);
            added.SearchText = SearchText.For(added);
            context.Set<Enterprise>().Add(added);
            await context.SaveChangesAsync();
            id = added.Id;
        }
        (await Find("琥珀茶馆")).ShouldBe([id]);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var renamed = await context.Set<Enterprise>().SingleAsync(e => e.Id == id);
            (renamed.NameZh, renamed.NameEn) = ("翡翠书屋", "Jade Bookhouse");
            renamed.SearchText = SearchText.For(renamed);
            await context.SaveChangesAsync();
        }
        (await Find("琥珀茶馆")).ShouldBeEmpty();
        (await Find("amber")).ShouldBeEmpty();
        (await Find("翡翠书屋")).ShouldBe([id]);
        (await Find("jade")).ShouldBe([id]);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            await context.Set<Enterprise>().Where(e => e.Id == id).ExecuteDeleteAsync();
        }
        (await Find("翡翠书屋")).ShouldBeEmpty();
        (await Find("jade bookhouse")).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Bulk_load_rebuilds_the_index_and_restores_maintenance(Db db)
    {
        var app = await fixture.AppAsync(db);
        var rows = await fixture.RowsAsync(db);
        var client = await fixture.ClientAsync(db);
        async Task<int[]> Find(string q) =>
            (await client.PageAsync<EnterpriseItem>("/api/v1/enterprises?q=" + Uri.EscapeDataString(q))).Items.Select(i => i.Id).ToArray();
        async Task<int> AddAsync(LingjingDbContext context, string nameZh, string nameEn)
        {
            var park = await context.Set<Park>().SingleAsync(p => p.Id == rows.ArtDistrictPark);
            var added = DirectoryRows.NewEnterprise(park, nameZh, nameEn, "cultural-investment", 2014, 5, false, 300_000, []);
            added.SearchText = SearchText.For(added);
            context.Set<Enterprise>().Add(added);
            await context.SaveChangesAsync();
            return added.Id;
        }

        int bulk, later;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            await using var transaction = await context.Database.BeginTransactionAsync();
            var loaded = 0;
            await DirectorySearchIndex.BulkLoadAsync(context, async _ => loaded = await AddAsync(context, "珊瑚画廊", "Coral Gallery"), CancellationToken.None);
            await transaction.CommitAsync();
            bulk = loaded;
            later = await AddAsync(context, "琉璃工坊", "Glaze Workshop");
        }

        (await Find("珊瑚画廊")).ShouldBe([bulk]);
        (await Find("coral gallery")).ShouldBe([bulk]);
        (await Find("琉璃工坊")).ShouldBe([later]);
        (await Find("glaze")).ShouldBe([later]);

        // Leave the shared rows as the other tests expect them.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Enterprise>()
                .Where(e => e.Id == bulk || e.Id == later).ExecuteDeleteAsync();
    }
}
