using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lingjing.Server.Features.Directory.EnterpriseDirectory;

namespace Lingjing.Server.Tests.Directory;

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
            var park = await context.Parks.SingleAsync(p => p.Id == rows.ChaoyangPark);
            var added = DirectoryRows.NewEnterprise(park, "琥珀茶馆", "Amber Teahouse", "cultural-tourism", 2011, 9, false, 700_000, []);
            added.SearchText = SearchText.For(added);
            context.Enterprises.Add(added);
            await context.SaveChangesAsync();
            id = added.Id;
        }
        (await Find("琥珀茶馆")).ShouldBe([id]);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var renamed = await context.Enterprises.SingleAsync(e => e.Id == id);
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
            await context.Enterprises.Where(e => e.Id == id).ExecuteDeleteAsync();
        }
        (await Find("翡翠书屋")).ShouldBeEmpty();
        (await Find("jade bookhouse")).ShouldBeEmpty();
    }
}
